"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/form-state";
import { MAX_DEACTIVATION_REASON_LENGTH } from "@/lib/validations/user";

/**
 * Deactivation is one click away from locking a colleague out mid-story, so it asks first, and asks why: the reason
 * goes into the audit log with the event. The action's state lives in the row, so "Account deactivated." outlives
 * this form, which leaves the row once the account is deactivated.
 */
export function DeactivateUser({
  user,
  state,
  formAction,
}: {
  user: { id: string; name: string };
  state: FormState;
  formAction: (formData: FormData) => void;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const reasonId = `deactivate-reason-${user.id}`;
  const reasonError = state.ok ? undefined : state.fieldErrors.reason;
  if (!isConfirming) {
    return (
      <Button variant="danger" onClick={() => setIsConfirming(true)}>
        Deactivate
      </Button>
    );
  }
  return (
    <form
      action={formAction}
      className="flex w-full flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
      aria-label={`Deactivate ${user.name}`}
      noValidate
    >
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="active" value="false" />
      <p className="text-sm text-red-900">
        {user.name} will be signed out at once, their open links stop working and their API tokens are revoked. You can
        reactivate the account later; the tokens do not come back.
      </p>
      <label htmlFor={reasonId} className="text-sm font-medium text-stone-800">
        Reason (kept in the audit log)
      </label>
      <textarea
        id={reasonId}
        name="reason"
        rows={2}
        required
        maxLength={MAX_DEACTIVATION_REASON_LENGTH}
        // Remounted with what was typed: the form resets after each submission.
        key={state.values?.reason ?? ""}
        defaultValue={state.values?.reason}
        aria-invalid={reasonError ? true : undefined}
        aria-describedby={reasonError ? `${reasonId}-error` : undefined}
        className={`rounded-md border bg-white px-3 py-2 text-base ${reasonError ? "border-red-600" : "border-stone-300"}`}
      />
      {reasonError ? (
        <p id={`${reasonId}-error`} className="text-sm text-red-700">
          {reasonError}
        </p>
      ) : null}
      {!state.ok && state.message && !reasonError ? <p className="text-sm text-red-700">{state.message}</p> : null}
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger" pendingLabel="Deactivating…">
          Yes, deactivate
        </SubmitButton>
        <Button variant="secondary" onClick={() => setIsConfirming(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
