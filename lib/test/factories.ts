import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/permissions";

export const TEST_PASSWORD = "correct horse battery staple";

/**
 * Hashes, one per password per process: argon2 with production settings costs tens of milliseconds, and the suites
 * make hundreds of accounts with the same password. A reused hash verifies exactly as a fresh one does.
 */
const hashes = new Map<string, Promise<string>>();

function testHash(password: string): Promise<string> {
  let hashed = hashes.get(password);
  if (!hashed) hashes.set(password, (hashed = hashPassword(password)));
  return hashed;
}

/** A user with a unique email; the password is TEST_PASSWORD unless `password: null` (invited, not yet accepted). */
export async function createTestUser({
  role = "REPORTER",
  active = true,
  password = TEST_PASSWORD,
  name = "Test Person",
}: { role?: Role; active?: boolean; password?: string | null; name?: string } = {}) {
  return db.user.create({
    data: {
      email: `${role.toLowerCase()}-${randomUUID()}@newsroom.test`,
      name,
      role,
      active,
      passwordHash: password === null ? null : await testHash(password),
    },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
}

/** The secret at the end of a one-time link. */
export function secretOf(url: string): string {
  return new URL(url).searchParams.get("token") ?? "";
}
