import type { Metadata } from "next";
import { LinkPasswordForm } from "@/components/auth/link-password-form";
import { LinkProblem } from "@/components/auth/link-problem";
import { LINK_STATE_MESSAGES, lookUpOneTimeLink } from "@/lib/users/one-time-tokens";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const { token } = await searchParams;
  const link = await lookUpOneTimeLink(token, "PASSWORD_RESET");
  if (link.state !== "valid" || !link.user) {
    return (
      <LinkProblem
        title="This reset link cannot be used"
        message={LINK_STATE_MESSAGES[link.state === "valid" ? "unknown" : link.state]}
        advice="Ask an admin for a new password-reset link."
      />
    );
  }
  return (
    <>
      <h1 className="font-serif text-2xl font-bold">Choose a new password</h1>
      <p className="mb-6 mt-1 text-sm text-stone-600">
        For <strong className="text-ink">{link.user.email}</strong>. Every open session of this account will end.
      </p>
      <LinkPasswordForm action={resetPasswordAction} token={String(token)} submitLabel="Set new password" />
    </>
  );
}
