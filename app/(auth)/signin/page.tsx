import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { signInMessage } from "@/lib/auth/session-end";
import { getSiteUrl } from "@/lib/site";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const params = await searchParams;
  const reason = signInMessage({ reason: params.reason, role: params.role });
  return (
    <>
      <h1 className="mb-1 font-serif text-2xl font-bold">Staff sign-in</h1>
      <p className="mb-6 text-sm text-stone-600">For reporters, editors and admins of this newsroom.</p>
      {reason ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {reason}
        </p>
      ) : null}
      <SignInForm callbackUrl={safeRedirectPath(params.callbackUrl, { origin: getSiteUrl() })} />
      <p className="mt-6 text-sm text-stone-600">Forgot your password? Ask an admin for a reset link.</p>
    </>
  );
}
