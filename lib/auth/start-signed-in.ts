import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit";
import { getAuthSecret } from "@/lib/auth/secret";
import { SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/sessions";

/**
 * next-auth's session cookie, named and set exactly as next-auth does (lib/auth/session-cookie.ts): the
 * "__Secure-" prefix and the Secure flag when the site is served over HTTPS (NEXTAUTH_URL).
 */
function sessionCookieSettings() {
  const isSecure = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  return {
    name: `${isSecure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: isSecure },
  };
}

/**
 * Signs in someone who has just set their password through a setup or invitation link, from inside that server
 * action, so they land on the desk instead of typing the password a second time. The link they spent is the proof:
 * the session is recorded, audited and carried in the same cookie next-auth's own sign-in writes, so the jwt callback
 * (lib/auth/options.ts) checks it on every request like any other.
 */
export async function startSignedInSession({ userId }: { userId: string }): Promise<void> {
  const { user, session } = await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { lastLoginAt: new Date() },
      select: { id: true, email: true, name: true, sessionVersion: true },
    });
    await recordAuditEvent(tx, { actorId: userId, action: "auth.signed_in", targetType: "account", targetId: userId });
    return { user, session: await startSession(tx, { userId }) };
  });
  // The claims next-auth's credentials sign-in puts in the token, plus those our jwt callback adds (uid, sv, sid).
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, uid: user.id, sv: user.sessionVersion, sid: session.id },
    secret: getAuthSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const { name, options } = sessionCookieSettings();
  (await cookies()).set(name, token, { ...options, expires: session.expiresAt });
}
