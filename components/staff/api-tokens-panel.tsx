"use client";

import { useActionState } from "react";
import { IssuedSecret } from "@/components/ui/issued-secret";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import type { TokenFormState } from "@/lib/form-state";
import { initialFormState, type FormState } from "@/lib/form-state";

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function day(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" }) : "never";
}

export function ApiTokensPanel({
  tokens,
  createAction,
  revokeAction,
}: {
  tokens: ApiTokenRow[];
  createAction: (state: TokenFormState, formData: FormData) => Promise<TokenFormState>;
  revokeAction: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [createState, create] = useActionState(createAction, initialFormState as TokenFormState);
  const [revokeState, revoke] = useActionState(revokeAction, initialFormState);
  const errors = createState.ok ? {} : createState.fieldErrors;
  return (
    <div className="flex flex-col gap-4">
      <form action={create} className="flex flex-wrap items-start gap-3" noValidate>
        <TextField
          label="Token name"
          id="field-token-name"
          name="name"
          className="min-w-64 flex-1"
          error={errors.name}
          autoComplete="off"
          defaultValue={createState.ok ? "" : createState.values?.name}
        />
        <div className="pt-6">
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </div>
      </form>
      <FormMessage tone={createState.ok ? "success" : "error"} message={createState.message} />
      {createState.ok && createState.token ? (
        <IssuedSecret label={`Token “${createState.token.name}”`} secret={createState.token.secret} />
      ) : null}
      <FormMessage tone={revokeState.ok ? "success" : "error"} message={revokeState.message} />
      {tokens.length === 0 ? (
        <p className="text-sm text-stone-600">You have no API tokens.</p>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm" data-testid="api-tokens">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{token.name}</span>{" "}
                <code className="rounded bg-stone-100 px-1 text-xs">{token.prefix}…</code>
                <span className="block text-xs text-stone-600">
                  Created {day(token.createdAt)} · last used {day(token.lastUsedAt)}
                  {token.revokedAt ? ` · revoked ${day(token.revokedAt)}` : ""}
                </span>
              </span>
              {token.revokedAt ? (
                <span className="text-xs text-stone-600">Revoked</span>
              ) : (
                <form action={revoke}>
                  <input type="hidden" name="tokenId" value={token.id} />
                  <SubmitButton variant="danger" pendingLabel="Revoking…">
                    Revoke
                  </SubmitButton>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
