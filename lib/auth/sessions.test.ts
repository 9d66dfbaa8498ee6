import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { assertLiveSession, endAllSessions, endSession, startSession } from "@/lib/auth/sessions";
import { createTestUser } from "@/lib/test/factories";

async function openSession() {
  const user = await createTestUser();
  const session = await db.$transaction((tx) => startSession(tx, { userId: user.id }));
  const claims = { sessionId: session.id, userId: user.id, sessionVersion: user.sessionVersion };
  return { user, session, claims };
}

describe("server-side sessions", () => {
  it("accept a live session's cookie claims", async () => {
    const { claims } = await openSession();
    await expect(assertLiveSession(claims)).resolves.toBeUndefined();
  });

  it("refuse a session once it is signed out, and signing out twice does nothing more", async () => {
    const { user, claims } = await openSession();
    expect(await endSession({ sessionId: claims.sessionId, userId: user.id, reason: "signed-out" })).toBe(true);
    expect(await endSession({ sessionId: claims.sessionId, userId: user.id, reason: "signed-out" })).toBe(false);
    await expect(assertLiveSession(claims)).rejects.toMatchObject({ name: "SessionEndedError", reason: "ended" });
  });

  it("refuse an expired session, a deactivated account and an outdated session version", async () => {
    const expired = await openSession();
    await db.session.update({ where: { id: expired.session.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(assertLiveSession(expired.claims)).rejects.toMatchObject({ reason: "expired" });

    const deactivated = await openSession();
    await db.user.update({ where: { id: deactivated.user.id }, data: { active: false } });
    await expect(assertLiveSession(deactivated.claims)).rejects.toMatchObject({ reason: "deactivated" });

    const outdated = await openSession();
    await db.user.update({ where: { id: outdated.user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(assertLiveSession(outdated.claims)).rejects.toMatchObject({ reason: "outdated" });
  });

  it("refuse claims that name another user's session, an unknown one, or none (cookies from before sessions)", async () => {
    const { claims } = await openSession();
    const other = await createTestUser();
    await expect(assertLiveSession({ ...claims, userId: other.id })).rejects.toMatchObject({ reason: "unknown" });
    await expect(assertLiveSession({ ...claims, sessionId: "nope" })).rejects.toMatchObject({ reason: "unknown" });
    await expect(assertLiveSession({ ...claims, sessionId: undefined })).rejects.toMatchObject({ reason: "unknown" });
  });

  it("end every open session of one account and no other", async () => {
    const first = await openSession();
    const second = await db.$transaction((tx) => startSession(tx, { userId: first.user.id }));
    const stranger = await openSession();
    expect(
      await db.$transaction((tx) => endAllSessions(tx, { userId: first.user.id, reason: "password-changed" })),
    ).toBe(2);
    await expect(assertLiveSession(first.claims)).rejects.toMatchObject({ reason: "ended" });
    await expect(assertLiveSession({ ...first.claims, sessionId: second.id })).rejects.toMatchObject({
      reason: "ended",
    });
    await expect(assertLiveSession(stranger.claims)).resolves.toBeUndefined();
    expect((await db.session.findUniqueOrThrow({ where: { id: second.id } })).endReason).toBe("password-changed");
  });
});
