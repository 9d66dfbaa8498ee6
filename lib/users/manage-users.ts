import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit";
import { revokeAllApiTokens } from "@/lib/auth/api-tokens";
import { getSignInThrottle } from "@/lib/auth/rate-limit";
import { endAllSessions } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { sendMail, isMailConfigured } from "@/lib/mail";
import {
  canChangeRole,
  canIssuePasswordReset,
  canManageUsers,
  canSetActive,
  type Actor,
  type Decision,
  type Role,
} from "@/lib/permissions";
import { getSiteName } from "@/lib/site";
import { expirePublicCache } from "@/lib/publishing/cache";
import { PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import { issueOneTimeLink, type IssuedLink } from "@/lib/users/one-time-tokens";
import { roleLabel } from "@/lib/format/labels";
import { deactivationReasonSchema } from "@/lib/validations/user";

function assertAllowed(decision: Decision): void {
  if (!decision.allowed) throw new AppError("FORBIDDEN", decision.reason);
}

function assertAdmin(actor: Actor): void {
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins can manage staff accounts.");
}

export function countActiveAdmins(tx: Prisma.TransactionClient = db): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", active: true } });
}

async function findManagedUser(tx: Prisma.TransactionClient, userId: string) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "That user no longer exists.");
  return user;
}

export async function listUsers() {
  return db.user
    .findMany({
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        active: true,
        createdAt: true,
        lastLoginAt: true,
        passwordHash: true,
      },
    })
    .then((users) =>
      users.map(({ passwordHash, ...user }) => ({ ...user, hasAcceptedInvitation: passwordHash !== null })),
    );
}

export interface LinkResult extends IssuedLink {
  emailed: boolean;
}

async function mailLink(to: string, subject: string, intro: string, link: IssuedLink): Promise<boolean> {
  if (!isMailConfigured()) return false;
  return sendMail({
    to,
    subject,
    text: `${intro}\n\n${link.url}\n\nThe link works once and expires on ${link.expiresAt.toUTCString()}.\n`,
  });
}

/** Creates the account without a password and returns the invitation link the new person uses to choose one. */
export async function inviteUser({
  actor,
  email,
  name,
  role,
}: {
  actor: Actor;
  email: string;
  name: string;
  role: Role;
}): Promise<LinkResult & { userId: string }> {
  assertAdmin(actor);
  const result = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", "Check the highlighted fields.", {
        email: "Someone already has an account with this email address.",
      });
    }
    const user = await tx.user.create({ data: { email, name, role }, select: { id: true } });
    const link = await issueOneTimeLink(tx, { purpose: "INVITATION", userId: user.id, createdById: actor.id });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.invited",
      targetType: "user",
      targetId: user.id,
      details: { email, name, role },
    });
    return { userId: user.id, ...link };
  });
  const emailed = await mailLink(
    email,
    `You are invited to ${getSiteName()}`,
    `${name}, you have been invited to ${getSiteName()} as ${roleLabel(role).toLowerCase()}. Choose your password here:`,
    result,
  );
  return { ...result, emailed };
}

export async function changeUserRole({ actor, userId, role }: { actor: Actor; userId: string; role: Role }) {
  await db.$transaction(async (tx) => {
    const target = await findManagedUser(tx, userId);
    assertAllowed(canChangeRole(actor, target, role, await countActiveAdmins(tx)));
    if (target.role === role) return;
    await tx.user.update({
      where: { id: userId },
      data: { role, sessionVersion: { increment: 1 } },
    });
    await endAllSessions(tx, { userId, reason: "role-changed" });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.role_changed",
      targetType: "user",
      targetId: userId,
      details: { email: target.email, from: target.role, to: role },
    });
  });
}

/**
 * Deactivates or reactivates an account. Deactivating needs the admin's reason, kept with the audit event; it ends the
 * account's sessions (marked "deactivated", so an open tab says so), cancels its open links and revokes its tokens.
 */
export async function setUserActive({
  actor,
  userId,
  active,
  reason,
}: {
  actor: Actor;
  userId: string;
  active: boolean;
  reason?: string;
}) {
  const checkedReason = active ? undefined : deactivationReasonSchema.safeParse(reason ?? "");
  if (checkedReason && !checkedReason.success) {
    throw new AppError("BAD_REQUEST", "Check the highlighted fields.", {
      reason: checkedReason.error.issues[0]?.message ?? "Say why you are deactivating this account.",
    });
  }
  const isChanged = await db.$transaction(async (tx) => {
    const target = await findManagedUser(tx, userId);
    assertAllowed(canSetActive(actor, target, active, await countActiveAdmins(tx)));
    if (target.active === active) return false;
    await tx.user.update({
      where: { id: userId },
      data: { active, sessionVersion: { increment: 1 } },
    });
    if (!active) {
      // Links handed out before the deactivation must not reopen the account, nor its tokens reach the API.
      await tx.oneTimeToken.updateMany({
        where: { userId, usedAt: null, expiresAt: { gt: new Date() } },
        data: { expiresAt: new Date() },
      });
      await endAllSessions(tx, { userId, reason: "deactivated" });
      await revokeAllApiTokens(tx, { userId, actorId: actor.id, reason: "deactivated" });
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: active ? "user.reactivated" : "user.deactivated",
      targetType: "user",
      targetId: userId,
      details: checkedReason?.success ? { email: target.email, reason: checkedReason.data } : { email: target.email },
    });
    return true;
  });
  // Bylines and author pages read names live: a deactivated person is named nowhere public (lib/publishing/credits.ts).
  if (isChanged) expirePublicCache([PUBLIC_TAG]);
}

/**
 * A password-reset link for someone who has a password; a fresh invitation link for someone who never accepted
 * theirs. Either way the person's current password (if any) keeps working until the link is used. A reset assumes
 * the account may be in the wrong hands: its API tokens are revoked at once, and its sign-in lockout is lifted so
 * the owner can sign in with the new password straight away.
 */
export async function issuePasswordReset({ actor, userId }: { actor: Actor; userId: string }): Promise<LinkResult> {
  const { link, target, purpose } = await db.$transaction(async (tx) => {
    const target = await findManagedUser(tx, userId);
    assertAllowed(canIssuePasswordReset(actor, target));
    const purpose = target.passwordHash ? ("PASSWORD_RESET" as const) : ("INVITATION" as const);
    const link = await issueOneTimeLink(tx, { purpose, userId, createdById: actor.id });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: purpose === "PASSWORD_RESET" ? "user.password_reset_issued" : "user.invited",
      targetType: "user",
      targetId: userId,
      details: { email: target.email, reissued: purpose === "INVITATION" },
    });
    await revokeAllApiTokens(tx, { userId, actorId: actor.id, reason: "password-reset-issued" });
    return { link, target, purpose };
  });
  // After the commit: the counters have their own connection, which must not wait on this transaction's lock.
  await getSignInThrottle().clearAccount({ email: target.email });
  const emailed = await mailLink(
    target.email,
    purpose === "PASSWORD_RESET" ? `Reset your ${getSiteName()} password` : `You are invited to ${getSiteName()}`,
    purpose === "PASSWORD_RESET"
      ? `An admin issued a password-reset link for your ${getSiteName()} account. Choose a new password here:`
      : `You have been invited to ${getSiteName()}. Choose your password here:`,
    link,
  );
  return { ...link, emailed };
}
