"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { initialFormState, type FormState } from "@/lib/form-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/password-rules";

/** The form behind setup, invitation and password-reset links: optional email and name, then a new password twice. */
export function LinkPasswordForm({
  action,
  token,
  askEmail = false,
  askName = false,
  defaultName = "",
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  askEmail?: boolean;
  askName?: boolean;
  defaultName?: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.ok ? {} : state.fieldErrors;
  const values = state.values ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {askEmail ? (
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={values.email}
          error={errors.email}
          required
        />
      ) : null}
      {askName ? (
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          defaultValue={values.name ?? defaultName}
          error={errors.name}
          hint="As colleagues should see it in the desk and the audit log."
          required
        />
      ) : null}
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, not a common password, and without your email or the newsroom's name. A short sentence is easy to remember and hard to guess.`}
        error={errors.password}
        required
      />
      <TextField
        label="Type the password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
        required
      />
      <FormMessage tone="error" message={state.ok ? undefined : state.message} />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
