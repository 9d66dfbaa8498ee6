"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

const SIGNED_OUT = "/signin?reason=signed-out";

/**
 * Sign out as a form next-auth's endpoint takes as it is (POST /api/auth/signout with the CSRF token), so it works
 * before the page's scripts have run (a slow phone, a server just started); once they have, next-auth's client signs
 * out instead, fetching a fresh token if the cookie's was gone.
 */
export function SignOutForm({ csrfToken }: { csrfToken: string }) {
  return (
    <form
      method="post"
      action="/api/auth/signout"
      className="shrink-0"
      onSubmit={(event) => {
        event.preventDefault();
        void signOut({ callbackUrl: SIGNED_OUT });
      }}
    >
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={SIGNED_OUT} />
      <Button type="submit" variant="secondary" className="whitespace-nowrap">
        Sign out
      </Button>
    </form>
  );
}
