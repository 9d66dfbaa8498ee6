import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe: what goes in a setup, invitation or reset link. Never stored. */
export function generateTokenSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the secret. */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function isWellFormedTokenSecret(secret: unknown): secret is string {
  return typeof secret === "string" && /^[A-Za-z0-9_-]{43}$/.test(secret);
}

export type TokenState = "valid" | "expired" | "used" | "unknown";

export function tokenState(token: { expiresAt: Date; usedAt: Date | null } | null, now: Date = new Date()): TokenState {
  if (!token) return "unknown";
  if (token.usedAt) return "used";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

export const TOKEN_LIFETIME_MS = {
  SETUP: 24 * 60 * 60 * 1000,
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 24 * 60 * 60 * 1000,
} as const;
