/**
 * next-auth's session cookie: "next-auth.session-token", "__Secure-" prefixed over HTTPS, and split into ".0", ".1"
 * chunks when large. Framework-free so proxy.ts can use it too.
 */
export function isSessionCookie(name: string): boolean {
  return name.includes("next-auth.session-token");
}

/**
 * The CSRF token next-auth keeps in its "next-auth.csrf-token" cookie ("__Host-" prefixed over HTTPS) as
 * "<token>|<hash>": what a plain form posted to /api/auth/signout sends back. Empty without one.
 */
export function csrfTokenFromCookies(cookies: Iterable<{ name: string; value: string }>): string {
  for (const { name, value } of cookies) {
    if (name !== "next-auth.csrf-token" && name !== "__Host-next-auth.csrf-token") continue;
    // next-auth writes the bar URL-encoded; some cookie readers decode it, some do not.
    return value.split(/\||%7C/i)[0] ?? "";
  }
  return "";
}
