import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/http/same-origin";

function headers(origin: string | null, host = "desk.newsroom.test") {
  const result = new Headers({ host });
  if (origin !== null) result.set("origin", origin);
  return result;
}

describe("isSameOriginRequest", () => {
  it("accepts the site's own origin and requests without one", () => {
    expect(isSameOriginRequest(headers("https://desk.newsroom.test"))).toBe(true);
    expect(isSameOriginRequest(headers("HTTPS://DESK.NEWSROOM.TEST"))).toBe(true);
    expect(isSameOriginRequest(headers(null))).toBe(true);
  });

  it.each([
    ["another site", "https://evil.test"],
    ["an opaque origin", "null"],
    ["one that does not parse", "not a url"],
    ["another port", "https://desk.newsroom.test:8443"],
    ["another scheme with the same host", "ftp://desk.newsroom.test"],
    ["a look-alike host", "https://desk.newsroom.test.evil.test"],
  ])("refuses %s", (_case, origin) => {
    expect(isSameOriginRequest(headers(origin))).toBe(false);
  });

  it("compares against the forwarded host behind a proxy", () => {
    const proxied = headers("https://desk.newsroom.test", "127.0.0.1:3000");
    proxied.set("x-forwarded-host", "desk.newsroom.test");
    expect(isSameOriginRequest(proxied)).toBe(true);
  });
});
