import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/http/same-origin";

function headers(origin: string | null, host = "desk.newsroom.test") {
  const result = new Headers({ host });
  if (origin !== null) result.set("origin", origin);
  return result;
}

describe("isSameOriginRequest", () => {
  it("accepts the site's own origin and requests without one", () => {
    expect(isSameOriginRequest(headers("https://desk.newsroom.test"), "")).toBe(true);
    expect(isSameOriginRequest(headers("HTTPS://DESK.NEWSROOM.TEST"), "")).toBe(true);
    expect(isSameOriginRequest(headers(null), "")).toBe(true);
  });

  it.each([
    ["another site", "https://evil.test"],
    ["an opaque origin", "null"],
    ["one that does not parse", "not a url"],
    ["another port", "https://desk.newsroom.test:8443"],
    ["another scheme with the same host", "ftp://desk.newsroom.test"],
    ["a look-alike host", "https://desk.newsroom.test.evil.test"],
  ])("refuses %s", (_case, origin) => {
    expect(isSameOriginRequest(headers(origin), "")).toBe(false);
  });

  it("compares against the forwarded host behind a proxy", () => {
    const proxied = headers("https://desk.newsroom.test", "127.0.0.1:3000");
    proxied.set("x-forwarded-host", "desk.newsroom.test");
    expect(isSameOriginRequest(proxied, "")).toBe(true);
  });

  it("with SITE_URL set, accepts only the site's own origin, whatever Host or X-Forwarded-Host say", () => {
    const site = "https://desk.newsroom.test";
    expect(isSameOriginRequest(headers("https://desk.newsroom.test"), site)).toBe(true);
    expect(isSameOriginRequest(headers("https://DESK.newsroom.test"), `${site}/`)).toBe(true);
    // A forged X-Forwarded-Host naming the attacker's site changes nothing.
    const forged = headers("https://evil.test", "desk.newsroom.test");
    forged.set("x-forwarded-host", "evil.test");
    expect(isSameOriginRequest(forged, site)).toBe(false);
    // The right host with the wrong scheme is another origin.
    expect(isSameOriginRequest(headers("http://desk.newsroom.test"), site)).toBe(false);
    expect(isSameOriginRequest(headers(null), site)).toBe(true);
  });
});
