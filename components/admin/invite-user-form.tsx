"use client";

import { useActionState } from "react";
import { IssuedLink } from "@/components/admin/issued-link";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import type { LinkFormState } from "@/lib/form-state";
import { initialFormState } from "@/lib/form-state";
import { RoleSelect } from "@/components/admin/role-select";

export function InviteUserForm({
  action,
}: {
  action: (state: LinkFormState, formData: FormData) => Promise<LinkFormState>;
}) {
  const [state, formAction] = useActionState(action, initialFormState as LinkFormState);
  const errors = state.ok ? {} : state.fieldErrors;
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <div className="flex flex-col gap-4">
      <form
        action={formAction}
        className="grid gap-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start"
        noValidate
        key={state.ok ? state.link?.url : "form"}
      >
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={values.email}
          error={errors.email}
          required
        />
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          defaultValue={values.name}
          error={errors.name}
          required
        />
        <RoleSelect defaultValue={values.role ?? "REPORTER"} error={errors.role} />
        <div className="sm:pt-6">
          <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
        </div>
      </form>
      <FormMessage tone={state.ok ? "success" : "error"} message={state.message} />
      {state.ok && state.link ? <IssuedLink {...state.link} /> : null}
    </div>
  );
}
