import { describe, expect, it } from "vitest";
import { csrfTokenFromCookies, isSessionCookie } from "@/lib/auth/session-cookie";

describe("next-auth's cookies", () => {
  it("knows the session cookie by name, over HTTP and HTTPS, whole or in chunks", () => {
    for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.session-token.1"]) {
      expect(isSessionCookie(name), name).toBe(true);
    }
    expect(isSessionCookie("next-auth.csrf-token")).toBe(false);
  });

  it("reads the CSRF token (not its hash) a plain sign-out form sends back, and nothing without the cookie", () => {
    const token = "4f1c0b6a9e";
    expect(
      csrfTokenFromCookies([
        { name: "next-auth.session-token", value: "eyJ" },
        { name: "next-auth.csrf-token", value: `${token}|d41d8cd98f00b204e9800998ecf8427e` },
      ]),
    ).toBe(token);
    expect(csrfTokenFromCookies([{ name: "__Host-next-auth.csrf-token", value: `${token}|ab` }])).toBe(token);
    // As the browser sends it, the bar still encoded.
    expect(csrfTokenFromCookies([{ name: "next-auth.csrf-token", value: `${token}%7Cab` }])).toBe(token);
    expect(csrfTokenFromCookies([{ name: "other.csrf-token", value: "x|y" }])).toBe("");
    expect(csrfTokenFromCookies([])).toBe("");
  });
});
