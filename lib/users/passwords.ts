import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit";
import { revokeAllApiTokens } from "@/lib/auth/api-tokens";
import { getSignInThrottle } from "@/lib/auth/rate-limit";
import { endAllSessions } from "@/lib/auth/sessions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { AppError } from "@/lib/errors";
import { consumeOneTimeLink, lookUpOneTimeLink } from "@/lib/users/one-time-tokens";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";

/**
 * Checks a password chosen through a one-time link against the link's account, before the write transaction (the
 * check loads a dictionary). An unusable link is left to consumeOneTimeLink, which says why inside the transaction.
 */
async function assertStrongPasswordForLink(secret: string, purpose: TokenPurpose, password: string): Promise<void> {
  const link = await lookUpOneTimeLink(secret, purpose);
  await assertStrongPassword(password, { email: link.user?.email });
}

/** The invited person chooses their name and password; the invitation link is spent. */
export async function acceptInvitation({ secret, name, password }: { secret: string; name: string; password: string }) {
  await assertStrongPasswordForLink(secret, "INVITATION", password);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { userId } = await consumeOneTimeLink(tx, secret, "INVITATION");
    if (!userId) throw new AppError("BAD_REQUEST", "This invitation has no account attached.");
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await tx.user.update({
      where: { id: userId },
      data: { name, passwordHash, sessionVersion: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "user.invitation_accepted",
      targetType: "user",
      targetId: userId,
    });
    return { userId, email: user.email };
  });
}

/** Sets a new password from a reset link; every open session of the account ends and its lockout is lifted. */
export async function resetPasswordWithLink({ secret, password }: { secret: string; password: string }) {
  await assertStrongPasswordForLink(secret, "PASSWORD_RESET", password);
  const passwordHash = await hashPassword(password);
  const result = await db.$transaction(async (tx) => {
    const { userId } = await consumeOneTimeLink(tx, secret, "PASSWORD_RESET");
    if (!userId) throw new AppError("BAD_REQUEST", "This link has no account attached.");
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await endAllSessions(tx, { userId, reason: "password-reset" });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "user.password_reset",
      targetType: "user",
      targetId: userId,
    });
    return { email: user.email };
  });
  // After the commit: the counters have their own connection, which must not wait on this transaction's lock.
  await getSignInThrottle().clearAccount({ email: result.email });
  return result;
}

export async function updateOwnName({ userId, name }: { userId: string; name: string }) {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    if (before.name === name) return;
    await tx.user.update({ where: { id: userId }, data: { name } });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.name_changed",
      targetType: "account",
      targetId: userId,
      details: { from: before.name, to: name },
    });
  });
}

/** Changing one's password ends every session of the account, this one included. */
export async function changeOwnPassword({
  userId,
  currentPassword,
  password,
}: {
  userId: string;
  currentPassword: string;
  password: string;
}) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("BAD_REQUEST", "Check the highlighted fields.", {
      currentPassword: "That is not your current password.",
    });
  }
  await assertStrongPassword(password, { email: user.email });
  if (currentPassword === password) {
    throw new AppError("BAD_REQUEST", "Check the highlighted fields.", {
      password: "Choose a password different from your current one.",
    });
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await endAllSessions(tx, { userId, reason: "password-changed" });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.password_changed",
      targetType: "account",
      targetId: userId,
    });
  });
}

/**
 * "Sign out everywhere and revoke all tokens": ends every session of the account (this one included), raises its
 * sessionVersion so any cookie still around is refused, and revokes every API token, all in one audited transaction.
 */
export async function signOutEverywhere({ userId }: { userId: string }) {
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    const sessions = await endAllSessions(tx, { userId, reason: "signed-out-everywhere" });
    const tokens = await revokeAllApiTokens(tx, { userId, actorId: userId, reason: "signed-out-everywhere" });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.signed_out_everywhere",
      targetType: "account",
      targetId: userId,
      details: { sessions, tokens },
    });
    return { sessions, tokens };
  });
}
