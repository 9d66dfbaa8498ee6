"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/password-rules";
import { initialFormState, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function NameForm({ action, name }: { action: Action; name: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.ok ? {} : state.fieldErrors;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        defaultValue={state.values?.name ?? name}
        error={errors.name}
        required
      />
      <FormMessage tone={state.ok ? "success" : "error"} message={state.message} />
      <div>
        <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
      </div>
    </form>
  );
}

export function PasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.ok ? {} : state.fieldErrors;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
        required
      />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, not a common password, and without your email or the newsroom's name. You will be asked to sign in again, and your other sessions end.`}
        error={errors.password}
        required
      />
      <TextField
        label="Type the new password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
        required
      />
      <FormMessage tone="error" message={state.ok ? undefined : state.message} />
      <div>
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
