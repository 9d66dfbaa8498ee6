import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authenticate, WRONG_CREDENTIALS_MESSAGE } from "@/lib/auth/authenticate";
import { verifyPassword } from "@/lib/auth/password";
import { createTestUser, TEST_PASSWORD } from "@/lib/test/factories";

// Counts password checks while still checking for real.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

let addressCounter = 0;
/** A fresh client address, so the per-address limit stays out of tests about the per-account one. */
function freshAddress(): string {
  addressCounter += 1;
  return `198.18.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
}

describe("authenticate", () => {
  it("signs in with the right password, records the sign-in and opens a server-side session", async () => {
    const user = await createTestUser();
    const result = await authenticate({
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
      address: freshAddress(),
    });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } });
    if (!result.ok) return;
    const session = await db.session.findUniqueOrThrow({ where: { id: result.user.sessionId } });
    expect(session).toMatchObject({ userId: user.id, endedAt: null });
    const days = (session.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.signed_in" } })).toBe(1);
  });

  it("answers a wrong password, an unknown email and a deactivated account with the same sentence", async () => {
    const user = await createTestUser();
    const deactivated = await createTestUser({ active: false });
    const invited = await createTestUser({ password: null });
    const address = freshAddress();
    const answers = await Promise.all([
      authenticate({ email: user.email, password: "wrong password!!", address }),
      authenticate({ email: "nobody@newsroom.test", password: TEST_PASSWORD, address }),
      authenticate({ email: deactivated.email, password: TEST_PASSWORD, address }),
      authenticate({ email: invited.email, password: TEST_PASSWORD, address }),
      authenticate({ email: "not an email", password: TEST_PASSWORD, address }),
    ]);
    for (const answer of answers)
      expect(answer).toEqual({ ok: false, reason: "invalid", message: WRONG_CREDENTIALS_MESSAGE });
    expect(await db.session.count({ where: { userId: { in: [deactivated.id, invited.id] } } })).toBe(0);
  });

  it("blocks an account after 10 attempts, even with the right password, and audits it once", async () => {
    const user = await createTestUser();
    const results = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      results.push(await authenticate({ email: user.email, password: "wrong password!!", address: freshAddress() }));
    }
    expect(results.slice(0, 9).every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(results[9]).toMatchObject({ ok: false, reason: "throttled" });
    const blocked = await authenticate({ email: user.email, password: TEST_PASSWORD, address: freshAddress() });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(/^Too many sign-in attempts\. Wait 15 minutes/);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_blocked", targetId: user.id } })).toBe(1);
  });

  it("gives a parallel burst of 50 attempts no more than 10 password checks, and refuses the right password in it", async () => {
    const user = await createTestUser();
    const checks = vi.mocked(verifyPassword);
    checks.mockClear();
    // 49 wrong passwords and the right one last, all started before any has been checked.
    const attempts = Array.from({ length: 50 }, (_, index) =>
      authenticate({
        email: user.email,
        password: index === 49 ? TEST_PASSWORD : `wrong password ${index}`,
        address: freshAddress(),
      }),
    );
    const results = await Promise.all(attempts);
    expect(checks.mock.calls.length).toBeLessThanOrEqual(10);
    expect(results.filter((result) => result.ok)).toHaveLength(0);
    expect(results[49]).toMatchObject({ ok: false, reason: "throttled" });
    expect(results.filter((result) => !result.ok && result.reason === "throttled").length).toBeGreaterThanOrEqual(40);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_blocked", targetId: user.id } })).toBe(1);
    const after = await authenticate({ email: user.email, password: TEST_PASSWORD, address: freshAddress() });
    expect(after).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("limits one client address across accounts to 30 failed attempts", async () => {
    const address = freshAddress();
    const users = await Promise.all(Array.from({ length: 3 }, () => createTestUser()));
    for (let attempt = 0; attempt < 30; attempt++) {
      const user = users[attempt % 3]!;
      await authenticate({ email: user.email, password: `wrong password ${attempt}`, address });
    }
    const fresh = await createTestUser();
    expect(await authenticate({ email: fresh.email, password: TEST_PASSWORD, address })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await authenticate({ email: fresh.email, password: TEST_PASSWORD, address: freshAddress() })).toMatchObject({
      ok: true,
    });
  });

  it("clears the account's count after a success", async () => {
    const user = await createTestUser();
    for (let attempt = 0; attempt < 9; attempt++) {
      await authenticate({ email: user.email, password: "wrong password!!", address: freshAddress() });
    }
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD, address: freshAddress() })).ok).toBe(true);
    for (let attempt = 0; attempt < 9; attempt++) {
      const result = await authenticate({ email: user.email, password: "wrong password!!", address: freshAddress() });
      expect(result).toMatchObject({ reason: "invalid" });
    }
  });
});
