import { isRole, type Role } from "@/lib/permissions";

/** Roles as people read them: "Editor", never the stored "EDITOR". */
export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor", REPORTER: "Reporter" };

/** The readable name of a stored role; anything that is not a role is returned as it is. */
export function roleLabel(value: string): string {
  return isRole(value) ? ROLE_LABELS[value] : value;
}
