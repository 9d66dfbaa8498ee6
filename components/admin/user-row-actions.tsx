"use client";

import { useActionState } from "react";
import { DeactivateUser } from "@/components/admin/deactivate-user";
import { IssuedLink } from "@/components/admin/issued-link";
import { RoleSelect } from "@/components/admin/role-select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LinkFormState } from "@/lib/form-state";
import { initialFormState, type FormState } from "@/lib/form-state";

type Action<S> = (state: S, formData: FormData) => Promise<S>;

export function UserRowActions({
  user,
  isSelf,
  changeRole,
  setActive,
  issueReset,
}: {
  user: { id: string; name: string; role: string; active: boolean; hasAcceptedInvitation: boolean };
  isSelf: boolean;
  changeRole: Action<FormState>;
  setActive: Action<FormState>;
  issueReset: Action<LinkFormState>;
}) {
  const [roleState, roleAction] = useActionState(changeRole, initialFormState);
  const [activeState, activeAction] = useActionState(setActive, initialFormState);
  const [resetState, resetAction] = useActionState(issueReset, initialFormState as LinkFormState);
  // A refused reason is shown beside its field in the confirmation, not again here.
  const activeMessage = !activeState.ok && activeState.fieldErrors.reason ? undefined : activeState;
  const messages = [roleState, activeMessage, resetState].filter((state) => state?.message) as FormState[];
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        {isSelf ? (
          <span className="text-xs text-stone-600">This is you</span>
        ) : (
          <>
            {/* Keyed by the saved role: React resets a form after its action, and an uncontrolled select would snap
                back to the role it was first drawn with, so a second "Save role" would silently undo the change. */}
            <form key={user.role} action={roleAction} className="flex items-end gap-1">
              <input type="hidden" name="userId" value={user.id} />
              <RoleSelect id={`role-${user.id}`} defaultValue={user.role} label={`Role for ${user.name}`} hideLabel />
              <SubmitButton variant="secondary" pendingLabel="Saving…">
                Save role
              </SubmitButton>
            </form>
            {user.active ? (
              <DeactivateUser user={user} state={activeState} formAction={activeAction} />
            ) : (
              <form action={activeAction}>
                <input type="hidden" name="userId" value={user.id} />
                <input type="hidden" name="active" value="true" />
                <SubmitButton variant="secondary" pendingLabel="Saving…">
                  Reactivate
                </SubmitButton>
              </form>
            )}
          </>
        )}
        {user.active ? (
          <form action={resetAction}>
            <input type="hidden" name="userId" value={user.id} />
            <SubmitButton variant="secondary" pendingLabel="Issuing…">
              {user.hasAcceptedInvitation ? "Password-reset link" : "New invitation link"}
            </SubmitButton>
          </form>
        ) : null}
      </div>
      <div aria-live="polite" role="status">
        {messages.map((state, index) => (
          <p key={index} className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
            {state.message}
          </p>
        ))}
      </div>
      {resetState.ok && resetState.link ? <IssuedLink {...resetState.link} /> : null}
    </div>
  );
}
