import { describe, expect, it } from "vitest";
import { resolveRedirectPath, safeRedirectPath } from "@/lib/auth/redirect";

const ORIGIN = "http://localhost:3000";

describe("safe redirect targets", () => {
  it.each([
    ["/desk", "/desk"],
    ["/admin/audit", "/admin/audit"],
    ["/desk/transcripts?status=draft#top", "/desk/transcripts?status=draft#top"],
    ["/desk/transcripts?q=press%20conference", "/desk/transcripts?q=press%20conference"],
    ["/desk/../admin", "/admin"],
    [`${ORIGIN}/desk/account`, "/desk/account"],
    [ORIGIN, "/"],
  ])("keeps %j on the site as %j", (raw, expected) => {
    expect(resolveRedirectPath(raw, { origin: ORIGIN })).toBe(expected);
  });

  it.each([
    // What the browser sees after the query string is decoded once.
    "/\t/evil.test/x",
    "/\n/evil.test/x",
    "/\r/evil.test/x",
    "/\\evil.test/x",
    "\\\\evil.test/x",
    "/\\/evil.test/x",
    "//evil.test/x",
    "///evil.test/x",
    // Still encoded: decoded later by a router or a second hop.
    "/%09/evil.test/x",
    "/%0A/evil.test/x",
    "/%0d/evil.test/x",
    "/%5Cevil.test/x",
    "/%5C/evil.test/x",
    "/%2F%2Fevil.test/x",
    "/%2f/evil.test/x",
    "%2F%2Fevil.test/x",
    "/%252F%252Fevil.test/x",
    "/%25252F/evil.test",
    "/%00/evil.test",
    "/%E0%A4%A",
    // Absolute URLs and schemes.
    "https://evil.test/x",
    "http://evil.test",
    "http:evil.test",
    "http:/evil.test",
    "//localhost:3000.evil.test/",
    "http://localhost:3000@evil.test/",
    "https://localhost:3000/desk",
    "http://localhost:3001/desk",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    " /desk",
    "desk",
    "",
    "/" + "a".repeat(3000),
  ])("refuses %j and falls back to /desk", (raw) => {
    expect(resolveRedirectPath(raw, { origin: ORIGIN })).toBeNull();
    expect(safeRedirectPath(raw, { origin: ORIGIN })).toBe("/desk");
  });

  it("refuses anything that is not a string", () => {
    for (const raw of [undefined, null, 42, ["/desk"], { href: "/desk" }]) expect(safeRedirectPath(raw)).toBe("/desk");
  });

  it("accepts only relative paths when the site's origin is not known", () => {
    expect(safeRedirectPath("/admin")).toBe("/admin");
    expect(safeRedirectPath(`${ORIGIN}/admin`)).toBe("/desk");
  });
});
