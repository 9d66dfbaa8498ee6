import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/ops/log";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { getAuthOptions } from "@/lib/auth/options";
import { SessionEndedError, startSession } from "@/lib/auth/sessions";
import { createTestUser } from "@/lib/test/factories";

process.env.NEXTAUTH_SECRET ??= "unit-test-secret";

const BASE_URL = "http://localhost:3000";

async function signedInToken() {
  const user = await createTestUser();
  const session = await db.$transaction((tx) => startSession(tx, { userId: user.id }));
  const jwt = getAuthOptions().callbacks!.jwt!;
  const token = (await jwt({
    token: { email: user.email, name: user.name },
    user: { id: user.id, sessionVersion: user.sessionVersion, sessionId: session.id } as never,
    account: null,
  })) as JWT;
  return { user, session, token, jwt };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("next-auth options", () => {
  it("send every redirect to a path on the site, or the desk", async () => {
    const redirect = getAuthOptions().callbacks!.redirect!;
    expect(await redirect({ url: "/admin/audit", baseUrl: BASE_URL })).toBe(`${BASE_URL}/admin/audit`);
    expect(await redirect({ url: `${BASE_URL}/desk/account`, baseUrl: BASE_URL })).toBe(`${BASE_URL}/desk/account`);
    for (const url of ["/\t/evil.test/x", "//evil.test", "https://evil.test/x", "/%5Cevil.test", "not a url"]) {
      expect(await redirect({ url, baseUrl: BASE_URL })).toBe(`${BASE_URL}/desk`);
    }
  });

  it("carry the server-side session in the token, and accept it while it lives", async () => {
    const { session, token, jwt } = await signedInToken();
    expect(token.sid).toBe(session.id);
    await expect(jwt({ token, account: null } as never)).resolves.toMatchObject({ sid: session.id });
  });

  it("end the session on sign-out, after which reading the cookie throws (next-auth then answers {})", async () => {
    const { user, session, token, jwt } = await signedInToken();
    await getAuthOptions().events!.signOut!({ token, session: undefined as never });
    const ended = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(ended).toMatchObject({ userId: user.id, endReason: "signed-out" });
    expect(ended.endedAt).not.toBeNull();
    await expect(jwt({ token, account: null } as never)).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("log nothing for an ended session, but note a cookie that does not decode", () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const error = vi.spyOn(log, "error").mockImplementation(() => {});
    const logger = getAuthOptions().logger!;
    logger.error!("JWT_SESSION_ERROR", new SessionEndedError("ended"));
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    logger.error!("JWT_SESSION_ERROR", new Error("decryption operation failed"));
    expect(warn).toHaveBeenCalledWith("refused a session cookie that does not decode");
    expect(error).not.toHaveBeenCalled();
  });
});
