import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate, WRONG_CREDENTIALS_MESSAGE } from "@/lib/auth/authenticate";
import { createTestUser, TEST_PASSWORD } from "@/lib/test/factories";

describe("authenticate", () => {
  it("signs in with the right password and records the sign-in", async () => {
    const user = await createTestUser();
    const result = await authenticate({
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
      address: "198.51.100.1",
    });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.signed_in" } })).toBe(1);
  });

  it("answers a wrong password, an unknown email and a deactivated account with the same sentence", async () => {
    const user = await createTestUser();
    const deactivated = await createTestUser({ active: false });
    const invited = await createTestUser({ password: null });
    const answers = await Promise.all([
      authenticate({ email: user.email, password: "wrong password!!", address: "198.51.100.2" }),
      authenticate({ email: "nobody@newsroom.test", password: TEST_PASSWORD, address: "198.51.100.2" }),
      authenticate({ email: deactivated.email, password: TEST_PASSWORD, address: "198.51.100.2" }),
      authenticate({ email: invited.email, password: TEST_PASSWORD, address: "198.51.100.2" }),
      authenticate({ email: "not an email", password: TEST_PASSWORD, address: "198.51.100.2" }),
    ]);
    for (const answer of answers)
      expect(answer).toEqual({ ok: false, reason: "invalid", message: WRONG_CREDENTIALS_MESSAGE });
  });

  it("blocks an account after 10 failures, even with the right password, and audits it once", async () => {
    const user = await createTestUser();
    const results = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      results.push(
        await authenticate({ email: user.email, password: "wrong password!!", address: `203.0.113.${attempt}` }),
      );
    }
    expect(results.slice(0, 9).every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(results[9]).toMatchObject({ ok: false, reason: "throttled" });
    const blocked = await authenticate({ email: user.email, password: TEST_PASSWORD, address: "203.0.113.200" });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toMatch(/^Too many sign-in attempts\. Wait 15 minutes/);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_blocked", targetId: user.id } })).toBe(1);
  });
});
