import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How long a session lasts from sign-in. Using it does not extend it. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export type SessionEndReason =
  "signed-out" | "signed-out-everywhere" | "password-changed" | "password-reset" | "deactivated" | "role-changed";

/** Why a session cookie no longer opens the desk; thrown from next-auth's jwt callback (see lib/auth/options.ts). */
export class SessionEndedError extends Error {
  constructor(readonly reason: "ended" | "expired" | "deactivated" | "outdated" | "unknown") {
    super(`The session has ended (${reason}).`);
    this.name = "SessionEndedError";
  }
}

/** Records a new signed-in browser inside the sign-in's transaction; the id goes into the session cookie. */
export async function startSession(tx: Prisma.TransactionClient, { userId }: { userId: string }) {
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  return tx.session.create({ data: { userId, expiresAt }, select: { id: true, expiresAt: true } });
}

/** Ends one session (signing out). Ending an ended or unknown session does nothing. */
export async function endSession({
  sessionId,
  userId,
  reason,
}: {
  sessionId: string;
  userId: string;
  reason: SessionEndReason;
}): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, userId, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
  return count === 1;
}

/** Ends every open session of an account, inside the caller's transaction. */
export async function endAllSessions(
  tx: Prisma.TransactionClient,
  { userId, reason }: { userId: string; reason: SessionEndReason },
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
  return count;
}

/**
 * Checks a session cookie's claims against the database: the session exists, belongs to the user, has not ended
 * or expired, the account is active and its sessionVersion has not moved on. Throws SessionEndedError otherwise.
 */
export async function assertLiveSession({
  sessionId,
  userId,
  sessionVersion,
}: {
  sessionId: unknown;
  userId: unknown;
  sessionVersion: unknown;
}): Promise<void> {
  if (typeof sessionId !== "string" || typeof userId !== "string" || typeof sessionVersion !== "number") {
    throw new SessionEndedError("unknown");
  }
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, endedAt: true, user: { select: { active: true, sessionVersion: true } } },
  });
  if (!session || session.userId !== userId) throw new SessionEndedError("unknown");
  if (session.endedAt) throw new SessionEndedError("ended");
  if (session.expiresAt.getTime() <= Date.now()) throw new SessionEndedError("expired");
  if (!session.user.active) throw new SessionEndedError("deactivated");
  if (session.user.sessionVersion !== sessionVersion) throw new SessionEndedError("outdated");
}
