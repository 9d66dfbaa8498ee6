import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { consumeOneTimeLink } from "@/lib/users/one-time-tokens";

function assertPasswordPolicy(password: string, email?: string): void {
  const problem = checkPasswordPolicy(password, { email });
  if (problem) throw new AppError("BAD_REQUEST", "Check the highlighted fields.", { password: problem });
}

/** The invited person chooses their name and password; the invitation link is spent. */
export async function acceptInvitation({ secret, name, password }: { secret: string; name: string; password: string }) {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { userId } = await consumeOneTimeLink(tx, secret, "INVITATION");
    if (!userId) throw new AppError("BAD_REQUEST", "This invitation has no account attached.");
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    assertPasswordPolicy(password, user.email);
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
    return { email: user.email };
  });
}

/** Sets a new password from a reset link; every open session of the account ends. */
export async function resetPasswordWithLink({ secret, password }: { secret: string; password: string }) {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { userId } = await consumeOneTimeLink(tx, secret, "PASSWORD_RESET");
    if (!userId) throw new AppError("BAD_REQUEST", "This link has no account attached.");
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    assertPasswordPolicy(password, user.email);
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "user.password_reset",
      targetType: "user",
      targetId: userId,
    });
    return { email: user.email };
  });
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
  assertPasswordPolicy(password, user.email);
  if (currentPassword === password) {
    throw new AppError("BAD_REQUEST", "Check the highlighted fields.", {
      password: "Choose a password different from your current one.",
    });
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.password_changed",
      targetType: "account",
      targetId: userId,
    });
  });
}
