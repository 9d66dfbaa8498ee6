import { describe, expect, it } from "vitest";
import { requireApiUser, signInPath } from "@/lib/auth/session";

function browserRequest(origin: string) {
  return new Request("http://localhost:3000/api/transcripts", {
    method: "POST",
    headers: { origin, host: "localhost:3000", cookie: "next-auth.session-token=anything" },
  });
}

describe("requireApiUser with a session cookie", () => {
  it.each([
    "null",
    "not a url",
    "http://evil.test",
    "http://localhost:3000.evil.test",
    "file://",
    "chrome-extension://x",
  ])("refuses the origin %j with 403 before reading the session", async (origin) => {
    await expect(requireApiUser(browserRequest(origin))).rejects.toMatchObject({
      name: "AppError",
      code: "FORBIDDEN",
      message: "Cross-site requests must use an API token (Authorization: Bearer …).",
    });
  });
});

describe("the sign-in path", () => {
  it("keeps a path on the site to come back to, and drops any other target", () => {
    expect(signInPath({ reason: "session-ended" }, "/desk/upload")).toBe(
      "/signin?reason=session-ended&callbackUrl=%2Fdesk%2Fupload",
    );
    expect(signInPath({ reason: "signed-out" }, "//evil.test/x")).toBe("/signin");
    expect(signInPath({ reason: "deactivated" }, "/%09/evil.test")).toBe("/signin?reason=deactivated");
    expect(signInPath({ reason: "signed-out" }, null)).toBe("/signin");
  });

  it("carries the new role after a role change", () => {
    expect(signInPath({ reason: "role-changed", role: "EDITOR" }, "/desk")).toBe(
      "/signin?reason=role-changed&role=EDITOR&callbackUrl=%2Fdesk",
    );
  });
});
