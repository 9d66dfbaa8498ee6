import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createTestUser, secretOf, TEST_PASSWORD } from "@/lib/test/factories";
import { issuePasswordReset, inviteUser } from "@/lib/users/manage-users";
import { lookUpOneTimeLink } from "@/lib/users/one-time-tokens";
import {
  acceptInvitation,
  changeOwnPassword,
  resetPasswordWithLink,
  signOutEverywhere,
  updateOwnName,
} from "@/lib/users/passwords";
import { createApiToken, findUserByApiToken } from "@/lib/auth/api-tokens";
import { authenticate } from "@/lib/auth/authenticate";
import { COMMON_LIST_MESSAGE, COMMON_PASSWORD_MESSAGE } from "@/lib/auth/password-strength";
import { assertLiveSession, startSession } from "@/lib/auth/sessions";

const NEW_PASSWORD = "a brand new passphrase";

describe("accepting an invitation", () => {
  it("tells the invited person their role and who invited them", async () => {
    const admin = await createTestUser({ role: "ADMIN", name: "Ines Inviter" });
    const invitation = await inviteUser({ actor: admin, email: "told@newsroom.test", name: "Told", role: "EDITOR" });
    const link = await lookUpOneTimeLink(secretOf(invitation.url), "INVITATION");
    expect(link).toMatchObject({
      state: "valid",
      user: { email: "told@newsroom.test", role: "EDITOR" },
      issuedBy: { name: "Ines Inviter" },
    });
  });

  it("sets the password once; the link then says it was used", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const invitation = await inviteUser({ actor: admin, email: "once@newsroom.test", name: "Once", role: "EDITOR" });
    const secret = secretOf(invitation.url);
    expect((await lookUpOneTimeLink(secret, "INVITATION")).state).toBe("valid");
    await acceptInvitation({ secret, name: "Once Only", password: NEW_PASSWORD });
    expect((await lookUpOneTimeLink(secret, "INVITATION")).state).toBe("used");
    await expect(acceptInvitation({ secret, name: "Again", password: "another passphrase here" })).rejects.toThrow(
      "This link has already been used.",
    );
    const user = await db.user.findUniqueOrThrow({ where: { id: invitation.userId } });
    expect(user.name).toBe("Once Only");
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired link and writes nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const invitation = await inviteUser({ actor: admin, email: "late@newsroom.test", name: "Late", role: "REPORTER" });
    await db.oneTimeToken.updateMany({
      where: { userId: invitation.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await lookUpOneTimeLink(secretOf(invitation.url), "INVITATION")).state).toBe("expired");
    await expect(
      acceptInvitation({ secret: secretOf(invitation.url), name: "Late", password: NEW_PASSWORD }),
    ).rejects.toThrow("This link has expired.");
    expect((await db.user.findUniqueOrThrow({ where: { id: invitation.userId } })).passwordHash).toBeNull();
  });

  it("does not accept a reset link as an invitation, or a made-up link", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const reset = await issuePasswordReset({ actor: admin, userId: user.id });
    expect((await lookUpOneTimeLink(secretOf(reset.url), "INVITATION")).state).toBe("unknown");
    await expect(acceptInvitation({ secret: secretOf(reset.url), name: "X", password: NEW_PASSWORD })).rejects.toThrow(
      "This link is not valid.",
    );
    expect((await lookUpOneTimeLink("not-a-token", "INVITATION")).state).toBe("unknown");
  });

  it("refuses a password that is the account's email", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const invitation = await inviteUser({
      actor: admin,
      email: "samey@newsroom.test",
      name: "Samey",
      role: "REPORTER",
    });
    await expect(
      acceptInvitation({ secret: secretOf(invitation.url), name: "Samey", password: "samey@newsroom.test" }),
    ).rejects.toThrow("Check the highlighted fields.");
    expect((await lookUpOneTimeLink(secretOf(invitation.url), "INVITATION")).state).toBe("valid");
  });
});

describe("refusing weak passwords wherever one is chosen", () => {
  it("refuses a common password on an invitation and leaves the link usable", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const invitation = await inviteUser({ actor: admin, email: "weak@newsroom.test", name: "Weak", role: "REPORTER" });
    const error = await acceptInvitation({
      secret: secretOf(invitation.url),
      name: "Weak",
      password: "password1234",
    }).catch((caught) => caught);
    expect(error.fieldErrors).toEqual({ password: COMMON_LIST_MESSAGE });
    expect((await lookUpOneTimeLink(secretOf(invitation.url), "INVITATION")).state).toBe("valid");
  });

  it("refuses a reset password containing the account's email local part", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const reset = await issuePasswordReset({ actor: admin, userId: user.id });
    const localPart = user.email.split("@")[0]!;
    const error = await resetPasswordWithLink({ secret: secretOf(reset.url), password: `my ${localPart} key` }).catch(
      (caught) => caught,
    );
    expect(error.fieldErrors.password).toBe(
      `A password cannot contain the first part of your email address (“${localPart}”).`,
    );
  });

  it("refuses a common password on the account page", async () => {
    const user = await createTestUser();
    const error = await changeOwnPassword({
      userId: user.id,
      currentPassword: TEST_PASSWORD,
      password: "Password1234!",
    }).catch((caught) => caught);
    expect(error.fieldErrors).toEqual({ password: COMMON_PASSWORD_MESSAGE });
  });
});

describe("resetting a password with a link", () => {
  it("lifts the sign-in lockout once the owner has chosen a new password", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const reset = await issuePasswordReset({ actor: admin, userId: user.id });
    for (let attempt = 0; attempt < 11; attempt++) {
      await authenticate({ email: user.email, password: `wrong password ${attempt}`, address: `198.20.0.${attempt}` });
    }
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, address: "198.20.1.1" })).toMatchObject({
      reason: "throttled",
    });
    await resetPasswordWithLink({ secret: secretOf(reset.url), password: NEW_PASSWORD });
    expect(await authenticate({ email: user.email, password: NEW_PASSWORD, address: "198.20.1.2" })).toMatchObject({
      ok: true,
    });
  });

  it("replaces the password and ends every session", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const reset = await issuePasswordReset({ actor: admin, userId: user.id });
    await resetPasswordWithLink({ secret: secretOf(reset.url), password: NEW_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
  });
});

describe("signing out everywhere", () => {
  it("ends every session, outdates any cookie, revokes every token, and audits it once", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const sessions = await Promise.all(
      [1, 2].map(() => db.$transaction((tx) => startSession(tx, { userId: user.id }))),
    );
    const othersSession = await db.$transaction((tx) => startSession(tx, { userId: other.id }));
    const token = await createApiToken({ userId: user.id, name: "importer" });
    const othersToken = await createApiToken({ userId: other.id, name: "theirs" });
    expect(await signOutEverywhere({ userId: user.id })).toEqual({ sessions: 2, tokens: 1 });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    for (const session of sessions) {
      await expect(
        assertLiveSession({ sessionId: session.id, userId: user.id, sessionVersion: after.sessionVersion }),
      ).rejects.toMatchObject({ reason: "ended" });
    }
    expect(await findUserByApiToken(token.secret)).toBeNull();
    expect(await findUserByApiToken(othersToken.secret)).not.toBeNull();
    await expect(
      assertLiveSession({ sessionId: othersSession.id, userId: other.id, sessionVersion: other.sessionVersion }),
    ).resolves.toBeUndefined();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { targetId: user.id, action: "account.signed_out_everywhere" },
    });
    expect(JSON.parse(event.details)).toEqual({ sessions: 2, tokens: 1 });
  });
});

describe("one's own account", () => {
  it("changes the name and records the old and new name", async () => {
    const user = await createTestUser({ name: "Old Name" });
    await updateOwnName({ userId: user.id, name: "New Name" });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { targetId: user.id, action: "account.name_changed" },
    });
    expect(JSON.parse(event.details)).toEqual({ from: "Old Name", to: "New Name" });
  });

  it("changes the password only with the current one", async () => {
    const user = await createTestUser();
    const wrong = await changeOwnPassword({
      userId: user.id,
      currentPassword: "not my password",
      password: NEW_PASSWORD,
    }).catch((error) => error);
    expect(wrong.fieldErrors).toEqual({ currentPassword: "That is not your current password." });
    await changeOwnPassword({ userId: user.id, currentPassword: TEST_PASSWORD, password: NEW_PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
  });
});
