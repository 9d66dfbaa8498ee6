import { describe, expect, it } from "vitest";
import { sessionEndOf, sessionEndParams, signInMessage } from "@/lib/auth/session-end";

describe("why a session ended", () => {
  it("says deactivated whenever the account is, whatever ended the session", () => {
    for (const endReason of ["deactivated", "role-changed", "signed-out", null]) {
      expect(sessionEndOf({ active: false, role: "REPORTER", endReason })).toEqual({ reason: "deactivated" });
    }
  });

  it("names the new role after a role change", () => {
    expect(sessionEndOf({ active: true, role: "EDITOR", endReason: "role-changed" })).toEqual({
      reason: "role-changed",
      role: "EDITOR",
    });
  });

  it("tells a password change apart from any other end", () => {
    expect(sessionEndOf({ active: true, role: "EDITOR", endReason: "password-reset" })).toEqual({
      reason: "password-changed",
    });
    expect(sessionEndOf({ active: true, role: "EDITOR", endReason: "signed-out-everywhere" })).toEqual({
      reason: "session-ended",
    });
    expect(sessionEndOf({ active: true, role: "EDITOR", endReason: null })).toEqual({ reason: "session-ended" });
  });

  it("puts the role in the sign-in address only for a role change", () => {
    expect(sessionEndParams({ reason: "role-changed", role: "ADMIN" }).toString()).toBe(
      "reason=role-changed&role=ADMIN",
    );
    expect(sessionEndParams({ reason: "deactivated" }).toString()).toBe("reason=deactivated");
    expect(sessionEndParams({ reason: "signed-out" }).toString()).toBe("");
  });
});

describe("the sign-in page's message", () => {
  it("tells a deactivated person they were deactivated, not to sign in again", () => {
    const message = signInMessage({ reason: "deactivated" });
    expect(message).toContain("deactivated by an administrator");
    expect(message).not.toMatch(/sign in again/i);
  });

  it("tells a person whose role changed which role they have now", () => {
    expect(signInMessage({ reason: "role-changed", role: "EDITOR" })).toBe(
      "Your role was changed to Editor by an administrator, so you were signed out. Sign in again to continue as editor.",
    );
  });

  it("shows no words of a crafted link", () => {
    expect(signInMessage({ reason: "role-changed", role: "<b>OWNER</b>" })).toBe(
      "Your role was changed by an administrator, so you were signed out. Sign in again to continue.",
    );
    expect(signInMessage({ reason: "you were hacked" })).toBeUndefined();
    expect(signInMessage({ reason: "constructor" })).toBeUndefined();
    expect(signInMessage({ reason: ["deactivated"] })).toBeUndefined();
  });
});
