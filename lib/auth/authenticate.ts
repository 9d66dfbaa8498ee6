import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import { getSignInThrottle, throttleMessage } from "@/lib/auth/rate-limit";
import { startSession } from "@/lib/auth/sessions";
import { signInSchema } from "@/lib/validations/user";

export const WRONG_CREDENTIALS_MESSAGE = "That email and password do not match an active account.";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  /** The server-side session this sign-in opened; its id goes into the session cookie. */
  sessionId: string;
}

export type SignInResult =
  { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "throttled"; message: string };

/**
 * Checks an email and password. The attempt is counted before the password is checked, so a burst of parallel
 * attempts gets no more checks than the limit. The answer for an unknown email, a wrong password and a deactivated
 * account is the same sentence and takes the same time, so sign-in never reveals who has an account.
 */
export async function authenticate(input: {
  email: unknown;
  password: unknown;
  address: string;
}): Promise<SignInResult> {
  const parsed = signInSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) return { ok: false, reason: "invalid", message: WRONG_CREDENTIALS_MESSAGE };
  const { email, password } = parsed.data;
  const key = { email, address: input.address };
  const throttle = getSignInThrottle();

  const verdict = await throttle.consumeAttempt(key);
  if (!verdict.allowed) {
    return { ok: false, reason: "throttled", message: throttleMessage(verdict.retryAfterSeconds) };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const isMatch = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !isMatch || !user.active) {
    if (!verdict.isLastAttempt) return { ok: false, reason: "invalid", message: WRONG_CREDENTIALS_MESSAGE };
    // The counter is atomic, so exactly one attempt uses the last point: one audit entry per lockout.
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: null,
        action: "auth.sign_in_blocked",
        targetType: "account",
        targetId: user?.id ?? null,
        details: { email, address: input.address },
      }),
    );
    return { ok: false, reason: "throttled", message: throttleMessage(verdict.retryAfterSeconds) };
  }

  await throttle.recordSuccess(key);
  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "auth.signed_in",
      targetType: "account",
      targetId: user.id,
    });
    return startSession(tx, { userId: user.id });
  });
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      sessionVersion: user.sessionVersion,
      sessionId: session.id,
    },
  };
}
