import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit";
import { hashTokenSecret } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";

/** Personal API tokens look like `vbt_<43 url-safe characters>`; the prefix makes leaked ones easy to search for. */
const TOKEN_PREFIX = "vbt_";
const MAX_ACTIVE_TOKENS = 20;
/** How precisely "last used" is kept. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function isApiTokenShaped(secret: string): boolean {
  return /^vbt_[A-Za-z0-9_-]{43}$/.test(secret);
}

export async function listApiTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    // Active ones (no revokedAt) first, on both databases: PostgreSQL would otherwise put nulls last.
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Creates a token and returns its secret, which is shown once and never stored. */
export async function createApiToken({ userId, name }: { userId: string; name: string }) {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError(
        "CONFLICT",
        `You already have ${MAX_ACTIVE_TOKENS} active tokens. Revoke one you no longer use first.`,
      );
    }
    const token = await tx.apiToken.create({
      data: { userId, name, tokenHash: hashTokenSecret(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6) },
      select: { id: true, name: true, prefix: true },
    });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "api_token.created",
      targetType: "account",
      targetId: userId,
      details: { tokenId: token.id, name, prefix: token.prefix },
    });
    return { ...token, secret };
  });
}

export async function revokeApiToken({ userId, tokenId }: { userId: string; tokenId: string }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That token does not exist or is already revoked.");
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "api_token.revoked",
      targetType: "account",
      targetId: userId,
      details: { tokenId },
    });
  });
}

export type BulkRevocationReason = "deactivated" | "password-reset-issued" | "signed-out-everywhere";

/**
 * Revokes every live token of an account inside the caller's transaction (deactivation, an admin's reset, "sign out
 * everywhere"), with one audit entry naming the tokens and why. Returns how many were revoked.
 */
export async function revokeAllApiTokens(
  tx: Prisma.TransactionClient,
  { userId, actorId, reason }: { userId: string; actorId: string; reason: BulkRevocationReason },
): Promise<number> {
  const live = await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
  if (live.length === 0) return 0;
  const tokenIds = live.map((token) => token.id);
  await tx.apiToken.updateMany({ where: { id: { in: tokenIds }, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAuditEvent(tx, {
    actorId,
    action: "api_token.revoked",
    targetType: actorId === userId ? "account" : "user",
    targetId: userId,
    details: { tokenIds, reason },
  });
  return tokenIds.length;
}

/** The active owner of a live token, or null. Records when the token was last used. */
export async function findUserByApiToken(secret: string) {
  if (!isApiTokenShaped(secret)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true } },
    },
  });
  if (!token || token.revokedAt || !token.user.active) return null;
  // "Last used" is for telling tokens apart, not an access log: one write a minute is enough. The check is made on
  // the row just read, so most calls write nothing: every write is a transaction that must wait (on the thread
  // that serves pages) for an upload being saved in a worker to commit.
  const now = new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!token.lastUsedAt || token.lastUsedAt < staleBefore) {
    await db.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return token.user;
}
