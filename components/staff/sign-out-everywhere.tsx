"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/form-state";

/** Ends every session and revokes every API token, after the person confirms what that means. */
export function SignOutEverywhere({
  action,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [state, formAction] = useActionState(action, initialFormState);
  if (!isConfirming) {
    return (
      <div>
        <Button variant="danger" onClick={() => setIsConfirming(true)}>
          Sign out everywhere and revoke all tokens
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-md border border-red-200 bg-red-50 p-3">
      <p className="text-sm text-red-900">
        Every browser signed in as you, this one included, will be signed out, and every API token will stop working at
        once. Programs that use a token will need a new one. Continue?
      </p>
      <input type="hidden" name="confirm" value="yes" />
      <FormMessage tone="error" message={state.ok ? undefined : state.message} />
      <div className="flex gap-2">
        <SubmitButton variant="danger" pendingLabel="Signing out everywhere…">
          Yes, sign out everywhere
        </SubmitButton>
        <Button variant="secondary" onClick={() => setIsConfirming(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
