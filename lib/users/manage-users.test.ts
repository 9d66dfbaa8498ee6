import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createTestUser, secretOf } from "@/lib/test/factories";
import { changeUserRole, inviteUser, issuePasswordReset, setUserActive } from "@/lib/users/manage-users";
import { acceptInvitation } from "@/lib/users/passwords";
import { hashTokenSecret } from "@/lib/auth/tokens";
import { createApiToken, findUserByApiToken } from "@/lib/auth/api-tokens";
import { authenticate } from "@/lib/auth/authenticate";
import { startSession } from "@/lib/auth/sessions";
import { TEST_PASSWORD } from "@/lib/test/factories";

async function lockOut(email: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    await authenticate({ email, password: `wrong password ${attempt}`, address: `198.19.0.${attempt}` });
  }
  const refused = await authenticate({ email, password: TEST_PASSWORD, address: "198.19.1.1" });
  expect(refused).toMatchObject({ ok: false, reason: "throttled" });
}

async function auditActions(targetId: string) {
  const events = await db.auditEvent.findMany({
    where: { targetId },
    orderBy: { at: "asc" },
    select: { action: true },
  });
  return events.map((event) => event.action);
}

describe("inviting a user", () => {
  it("creates the account without a password and a 7-day link whose secret is stored only hashed", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const before = Date.now();
    const result = await inviteUser({
      actor: admin,
      email: "new.reporter@newsroom.test",
      name: "New Reporter",
      role: "REPORTER",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({
      email: "new.reporter@newsroom.test",
      role: "REPORTER",
      active: true,
      passwordHash: null,
    });
    expect(result.url).toMatch(/\/invite\?token=[A-Za-z0-9_-]{43}$/);
    expect(result.emailed).toBe(false);
    const days = (result.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const tokens = await db.oneTimeToken.findMany({ where: { userId: user.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).toBe(hashTokenSecret(secretOf(result.url)));
    expect(JSON.stringify(tokens)).not.toContain(secretOf(result.url));
    expect(await auditActions(user.id)).toEqual(["user.invited"]);
  });

  it("refuses a second account with the same email and writes nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const existing = await createTestUser();
    const usersBefore = await db.user.count();
    const eventsBefore = await db.auditEvent.count();
    const error = await inviteUser({ actor: admin, email: existing.email, name: "Twin", role: "REPORTER" }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.fieldErrors.email).toBe("Someone already has an account with this email address.");
    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.auditEvent.count()).toBe(eventsBefore);
  });

  it("is refused to editors", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    await expect(inviteUser({ actor: editor, email: "x@newsroom.test", name: "X", role: "ADMIN" })).rejects.toThrow(
      "Only admins can manage staff accounts.",
    );
  });
});

describe("changing roles and status", () => {
  it("changes a role, ends the person's sessions and records who did it", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const reporter = await createTestUser();
    await changeUserRole({ actor: admin, userId: reporter.id, role: "EDITOR" });
    const after = await db.user.findUniqueOrThrow({ where: { id: reporter.id } });
    expect(after.role).toBe("EDITOR");
    expect(after.sessionVersion).toBe(reporter.sessionVersion + 1);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { targetId: reporter.id, action: "user.role_changed" },
    });
    expect(event.actorId).toBe(admin.id);
    expect(JSON.parse(event.details)).toMatchObject({ from: "REPORTER", to: "EDITOR" });
  });

  it("deactivates an account, ends its sessions and kills its open links", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const reporter = await createTestUser();
    const link = await issuePasswordReset({ actor: admin, userId: reporter.id });
    await setUserActive({ actor: admin, userId: reporter.id, active: false, reason: "Left the newsroom" });
    const after = await db.user.findUniqueOrThrow({ where: { id: reporter.id } });
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBeGreaterThan(reporter.sessionVersion);
    const token = await db.oneTimeToken.findUniqueOrThrow({
      where: { tokenHash: hashTokenSecret(secretOf(link.url)) },
    });
    expect(token.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    await setUserActive({ actor: admin, userId: reporter.id, active: true });
    expect(await auditActions(reporter.id)).toEqual([
      "user.password_reset_issued",
      "user.deactivated",
      "user.reactivated",
    ]);
  });

  it("refuses a deactivation without a reason and keeps the reason with the audit event", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const reporter = await createTestUser();
    for (const reason of [undefined, "", "   ", "no"]) {
      await expect(setUserActive({ actor: admin, userId: reporter.id, active: false, reason })).rejects.toMatchObject({
        fieldErrors: { reason: expect.stringContaining("Say why you are deactivating this account") },
      });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: reporter.id } })).active).toBe(true);
    expect(await auditActions(reporter.id)).toEqual([]);

    await setUserActive({
      actor: admin,
      userId: reporter.id,
      active: false,
      reason: "  Contract ended on 30 November  ",
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { targetId: reporter.id, action: "user.deactivated" },
    });
    expect(JSON.parse(event.details)).toEqual({ email: reporter.email, reason: "Contract ended on 30 November" });
  });

  it("never leaves the newsroom without an active admin", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const admin = await createTestUser({ role: "ADMIN" });
    const second = await createTestUser({ role: "ADMIN" });
    await setUserActive({ actor: admin, userId: second.id, active: false, reason: "Second admin no longer needed" });
    await expect(setUserActive({ actor: admin, userId: admin.id, active: false, reason: "Testing" })).rejects.toThrow(
      "You cannot deactivate your own account.",
    );
    await setUserActive({ actor: admin, userId: second.id, active: true });
    await changeUserRole({ actor: second, userId: admin.id, role: "EDITOR" });
    const demoted = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(
      changeUserRole({ actor: { ...demoted, role: "ADMIN" }, userId: second.id, role: "EDITOR" }),
    ).rejects.toThrow("This is the last active admin. Make someone else an admin first.");
    expect((await db.user.findUniqueOrThrow({ where: { id: second.id } })).role).toBe("ADMIN");
  });
});

describe("what deactivation and an admin's reset take away", () => {
  it("deactivation ends the open sessions and revokes every API token, audited in the same transaction", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const reporter = await createTestUser();
    const first = await createApiToken({ userId: reporter.id, name: "importer" });
    const second = await createApiToken({ userId: reporter.id, name: "backup" });
    const session = await db.$transaction((tx) => startSession(tx, { userId: reporter.id }));
    await setUserActive({ actor: admin, userId: reporter.id, active: false, reason: "Left the newsroom" });
    const tokens = await db.apiToken.findMany({ where: { userId: reporter.id } });
    expect(tokens.every((token) => token.revokedAt !== null)).toBe(true);
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).endReason).toBe("deactivated");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { targetId: reporter.id, action: "api_token.revoked" },
    });
    expect(event.actorId).toBe(admin.id);
    expect(JSON.parse(event.details)).toEqual({
      tokenIds: expect.arrayContaining([first.id, second.id]),
      reason: "deactivated",
    });
    // Reactivation does not bring them back.
    await setUserActive({ actor: admin, userId: reporter.id, active: true });
    expect(await findUserByApiToken(first.secret)).toBeNull();
  });

  it("an admin's reset link revokes the account's API tokens, audited", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const reporter = await createTestUser();
    const token = await createApiToken({ userId: reporter.id, name: "importer" });
    await issuePasswordReset({ actor: admin, userId: reporter.id });
    expect(await findUserByApiToken(token.secret)).toBeNull();
    expect(await auditActions(reporter.id)).toEqual([
      "api_token.created",
      "user.password_reset_issued",
      "api_token.revoked",
    ]);
  });

  it("an admin's reset link lifts the sign-in lockout, so the current password works again", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const reporter = await createTestUser();
    await lockOut(reporter.email);
    await issuePasswordReset({ actor: admin, userId: reporter.id });
    expect(await authenticate({ email: reporter.email, password: TEST_PASSWORD, address: "198.19.1.2" })).toMatchObject(
      { ok: true },
    );
  });
});

describe("password-reset links", () => {
  it("issues an invitation again for someone who never accepted, and only the newest link works", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const invited = await inviteUser({
      actor: admin,
      email: "slow.accepter@newsroom.test",
      name: "Slow",
      role: "REPORTER",
    });
    const reissued = await issuePasswordReset({ actor: admin, userId: invited.userId });
    expect(reissued.url).toContain("/invite?token=");
    await expect(
      acceptInvitation({ secret: secretOf(invited.url), name: "Slow", password: "a long enough passphrase" }),
    ).rejects.toThrow("This link has expired.");
    await acceptInvitation({
      secret: secretOf(reissued.url),
      name: "Slow Accepter",
      password: "a long enough passphrase",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: invited.userId } });
    expect(user.name).toBe("Slow Accepter");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("is refused for a deactivated account", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const gone = await createTestUser({ active: false });
    await expect(issuePasswordReset({ actor: admin, userId: gone.id })).rejects.toThrow(
      "Reactivate this account before issuing a password-reset link.",
    );
  });
});
