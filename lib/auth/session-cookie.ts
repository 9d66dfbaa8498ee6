/**
 * next-auth's session cookie: "next-auth.session-token", "__Secure-" prefixed over HTTPS, and split into ".0", ".1"
 * chunks when large. Framework-free so proxy.ts can use it too.
 */
export function isSessionCookie(name: string): boolean {
  return name.includes("next-auth.session-token");
}
