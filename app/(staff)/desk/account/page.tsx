import type { Metadata } from "next";
import { PasswordForm, ProfileForm } from "@/components/staff/account-forms";
import { ApiTokensPanel } from "@/components/staff/api-tokens-panel";
import { SignOutEverywhere } from "@/components/staff/sign-out-everywhere";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/session";
import { authorPath } from "@/lib/publishing/credits";
import { findPublicProfile } from "@/lib/users/profile";
import {
  changePasswordAction,
  createApiTokenAction,
  revokeApiTokenAction,
  signOutEverywhereAction,
  updateProfileAction,
} from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  const [tokens, profile] = await Promise.all([listApiTokens(user.id), findPublicProfile(user.id)]);
  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Your account</h1>
        <p className="mt-1 text-sm text-stone-600">
          Signed in as <strong className="text-ink">{user.email}</strong>. Only an admin can change your email or role.
        </p>
      </div>
      <section aria-labelledby="profile-title" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="profile-title" className="text-lg font-semibold">
          Public profile
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-600">
          Published transcripts credit the staff who transcribed and annotated them, and the editor who published them.
        </p>
        <ProfileForm
          action={updateProfileAction}
          profile={profile}
          authorPage={profile.authorSlug ? { path: authorPath(profile.authorSlug), isLive: profile.isCredited } : null}
        />
      </section>
      <section aria-labelledby="password-title" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="password-title" className="mb-4 text-lg font-semibold">
          Password
        </h2>
        <PasswordForm action={changePasswordAction} />
      </section>
      <section aria-labelledby="tokens-title" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="tokens-title" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-600">
          For scripts and tools that upload transcripts with <code>POST /api/transcripts</code>. A token acts as you;
          revoke it when the tool no longer needs it.
        </p>
        <ApiTokensPanel
          tokens={tokens.map((token) => ({
            ...token,
            createdAt: token.createdAt.toISOString(),
            lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
            revokedAt: token.revokedAt?.toISOString() ?? null,
          }))}
          createAction={createApiTokenAction}
          revokeAction={revokeApiTokenAction}
        />
      </section>
      <section aria-labelledby="sessions-title" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="sessions-title" className="text-lg font-semibold">
          Sessions and tokens
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-600">
          If you signed in on a shared computer, or think someone else has your password or a token, end every session
          and revoke every token at once. Then change your password.
        </p>
        <SignOutEverywhere action={signOutEverywhereAction} />
      </section>
    </div>
  );
}
