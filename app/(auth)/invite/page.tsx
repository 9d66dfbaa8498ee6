import type { Metadata } from "next";
import { LinkPasswordForm } from "@/components/auth/link-password-form";
import { LinkProblem } from "@/components/auth/link-problem";
import { getSiteName } from "@/lib/site";
import { LINK_STATE_MESSAGES, lookUpOneTimeLink } from "@/lib/users/one-time-tokens";
import { roleLabel } from "@/lib/format/labels";
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
      <h1 className="font-serif text-2xl font-bold">Join {getSiteName()}</h1>
      <p className="mt-2 text-stone-800" data-testid="invitation-summary">
        {link.issuedBy ? (
          <>
            <strong>{link.issuedBy.name}</strong> invited you
          </>
        ) : (
          "You are invited"
        )}{" "}
        to <strong>{getSiteName()}</strong> as {articleFor(roleLabel(link.user.role))}{" "}
        <strong>{roleLabel(link.user.role).toLowerCase()}</strong>.
      </p>
      <p className="mb-6 mt-1 text-sm text-stone-600">
        Choose a password for <strong className="text-ink">{link.user.email}</strong>. You are signed in as soon as it
        is set.
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

/** "an admin", "an editor", "a reporter". */
function articleFor(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
