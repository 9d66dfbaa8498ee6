import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

let cached: string | undefined;

/** Why a server on PostgreSQL will not start without NEXTAUTH_SECRET. */
export const SHARED_SECRET_REQUIRED =
  "On PostgreSQL, set NEXTAUTH_SECRET to the same long random value on every server (for example the output of `openssl rand -base64 48`): each server would otherwise sign sessions with a key of its own, and people would be signed out whenever the proxy sent them to another server.";

/** Servers sharing one PostgreSQL database must share the session key: refuses to go on without NEXTAUTH_SECRET. */
export function assertSharedSecret(environment: NodeJS.ProcessEnv = process.env): void {
  const isPostgres = /^postgres(ql)?:\/\//i.test(environment.DATABASE_URL ?? "");
  if (isPostgres && !environment.NEXTAUTH_SECRET) throw new Error(SHARED_SECRET_REQUIRED);
}

/**
 * The key that signs session cookies: NEXTAUTH_SECRET when set, otherwise a random key created on first use in
 * data/auth-secret (readable by the owner only), so a fresh install needs no configuration and no default secret.
 */
export function getAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  assertSharedSecret();
  if (cached) return cached;
  const file = path.join(process.cwd(), "data", "auth-secret");
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cached = fs.readFileSync(file, "utf8").trim();
  return cached;
}
