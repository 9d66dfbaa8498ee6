import type { Metadata } from "next";
import { LinkPasswordForm } from "@/components/auth/link-password-form";
import { LinkProblem } from "@/components/auth/link-problem";
import { LINK_STATE_MESSAGES, lookUpOneTimeLink } from "@/lib/users/one-time-tokens";
import { acceptInvitationAction } from "../actions";

export const metadata: Metadata = { title: "Accept your invitation", robots: { index: false } };

export default async function InvitePage({ searchParams }: PageProps<"/invite">) {
  const { token } = await searchParams;
  const link = await lookUpOneTimeLink(token, "INVITATION");
  if (link.state !== "valid" || !link.user) {
    return (
      <LinkProblem
        title="This invitation cannot be used"
        message={LINK_STATE_MESSAGES[link.state === "valid" ? "unknown" : link.state]}
        advice="Ask the admin who invited you for a new invitation link."
      />
    );
  }
  return (
    <>
      <h1 className="font-serif text-2xl font-bold">Welcome</h1>
      <p className="mb-6 mt-1 text-sm text-stone-600">
        Choose a password for <strong className="text-ink">{link.user.email}</strong>.
      </p>
      <LinkPasswordForm
        action={acceptInvitationAction}
        token={String(token)}
        askName
        defaultName={link.user.name}
        submitLabel="Set password"
      />
    </>
  );
}
