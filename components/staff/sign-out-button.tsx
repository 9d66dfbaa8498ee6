import { cookies } from "next/headers";
import { SignOutForm } from "@/components/staff/sign-out-form";
import { csrfTokenFromCookies } from "@/lib/auth/session-cookie";

/** The desk header's Sign out, with next-auth's CSRF token from the request so it works before any script runs. */
export async function SignOutButton() {
  return <SignOutForm csrfToken={csrfTokenFromCookies((await cookies()).getAll())} />;
}
