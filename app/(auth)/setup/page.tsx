import type { Metadata } from "next";
import { LinkPasswordForm } from "@/components/auth/link-password-form";
import { LinkProblem } from "@/components/auth/link-problem";
import { hasAnyUser } from "@/lib/users/first-admin";
import { LINK_STATE_MESSAGES, lookUpOneTimeLink } from "@/lib/users/one-time-tokens";
import { completeSetupAction } from "../actions";

export const metadata: Metadata = { title: "Set up Verbatim", robots: { index: false } };

export default async function SetupPage({ searchParams }: PageProps<"/setup">) {
  const { token } = await searchParams;
  if (await hasAnyUser()) {
    return (
      <LinkProblem
        title="Verbatim is already set up"
        message="An admin account exists, so this setup link no longer applies."
        advice="Sign in, or ask an admin for an invitation."
      />
    );
  }
  const link = await lookUpOneTimeLink(token, "SETUP");
  if (link.state !== "valid") {
    return (
      <LinkProblem
        title="This setup link cannot be used"
        message={LINK_STATE_MESSAGES[link.state]}
        advice="Restart Verbatim to print a new setup link, or run `npm run setup-link` on the server."
      />
    );
  }
  return (
    <>
      <h1 className="font-serif text-2xl font-bold">Create the first admin</h1>
      <p className="mb-6 mt-1 text-sm text-stone-600">
        This account manages staff. You can invite reporters and editors once it exists.
      </p>
      <LinkPasswordForm
        action={completeSetupAction}
        token={String(token)}
        askEmail
        askName
        submitLabel="Create admin account"
      />
    </>
  );
}
