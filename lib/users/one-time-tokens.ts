import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import {
  generateTokenSecret,
  hashTokenSecret,
  isWellFormedTokenSecret,
  tokenState,
  TOKEN_LIFETIME_MS,
  type TokenState,
} from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { absoluteUrl } from "@/lib/site";

const LINK_PATH: Record<TokenPurpose, string> = {
  SETUP: "/setup",
  INVITATION: "/invite",
  PASSWORD_RESET: "/reset-password",
};

export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/**
 * Creates a one-time link. Earlier unused links of the same purpose for the same person stop working, so only the
 * newest link an admin handed out is live.
 */
export async function issueOneTimeLink(
  tx: Prisma.TransactionClient,
  { purpose, userId, createdById }: { purpose: TokenPurpose; userId: string | null; createdById: string | null },
): Promise<IssuedLink> {
  const now = new Date();
  await tx.oneTimeToken.updateMany({
    where: { purpose, userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const secret = generateTokenSecret();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  await tx.oneTimeToken.create({
    data: { purpose, tokenHash: hashTokenSecret(secret), userId, createdById, expiresAt },
  });
  return { url: absoluteUrl(`${LINK_PATH[purpose]}?token=${secret}`), expiresAt };
}

export interface LinkLookup {
  state: TokenState;
  user: { id: string; email: string; name: string; role: Role } | null;
  /** Who issued the link (the inviting admin), while their account exists. */
  issuedBy: { name: string } | null;
}

/** What a link page shows before the form is submitted. Reads only. */
export async function lookUpOneTimeLink(secret: unknown, purpose: TokenPurpose): Promise<LinkLookup> {
  if (!isWellFormedTokenSecret(secret)) return { state: "unknown", user: null, issuedBy: null };
  const token = await db.oneTimeToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: {
      purpose: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!token || token.purpose !== purpose || (token.user && !token.user.active)) {
    return { state: "unknown", user: null, issuedBy: null };
  }
  const user = token.user
    ? { id: token.user.id, email: token.user.email, name: token.user.name, role: token.user.role }
    : null;
  return { state: tokenState(token), user, issuedBy: token.createdBy };
}

export const LINK_STATE_MESSAGES: Record<Exclude<TokenState, "valid">, string> = {
  expired: "This link has expired.",
  used: "This link has already been used.",
  unknown: "This link is not valid. Check that you copied all of it.",
};

/**
 * Marks the link used inside the caller's transaction and returns its user id. The conditional update makes two
 * simultaneous submissions of one link succeed at most once.
 */
export async function consumeOneTimeLink(
  tx: Prisma.TransactionClient,
  secret: unknown,
  purpose: TokenPurpose,
): Promise<{ userId: string | null }> {
  if (!isWellFormedTokenSecret(secret)) throw new AppError("BAD_REQUEST", LINK_STATE_MESSAGES.unknown);
  const tokenHash = hashTokenSecret(secret);
  const token = await tx.oneTimeToken.findUnique({
    where: { tokenHash },
    select: { id: true, purpose: true, userId: true, expiresAt: true, usedAt: true },
  });
  const state = token && token.purpose === purpose ? tokenState(token) : "unknown";
  if (state !== "valid" || !token)
    throw new AppError("BAD_REQUEST", LINK_STATE_MESSAGES[state as Exclude<TokenState, "valid">]);
  const { count } = await tx.oneTimeToken.updateMany({
    where: { id: token.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count !== 1) throw new AppError("BAD_REQUEST", LINK_STATE_MESSAGES.used);
  return { userId: token.userId };
}
