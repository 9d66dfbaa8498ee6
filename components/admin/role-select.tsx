import { ROLES } from "@/lib/permissions";
import { ROLE_LABELS } from "@/lib/format/labels";

export { ROLE_LABELS };

export function RoleSelect({
  defaultValue,
  error,
  id = "field-role",
  label = "Role",
  hideLabel = false,
}: {
  defaultValue: string;
  error?: string;
  id?: string;
  label?: string;
  hideLabel?: boolean;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-medium text-stone-800"}>
        {label}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-md border border-stone-300 bg-white px-2 py-2 text-sm"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
