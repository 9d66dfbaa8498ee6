import { randomInt } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  configuredLimits,
  DEFAULT_LIMITS,
  limitedGroup,
  RateLimitConfigError,
  ReaderLimits,
  refusal,
} from "@/lib/http/reader-limits";

/** A documentation address (RFC 5737) no other test uses. */
const someAddress = () => `203.0.113.${randomInt(1, 255)}-${randomInt(1e9)}`;

const opened: ReaderLimits[] = [];
const limitsOn = (perMinute: Partial<Record<keyof typeof DEFAULT_LIMITS, number>>, databaseUrl?: string) => {
  const limits = new ReaderLimits({ ...DEFAULT_LIMITS, ...perMinute }, { databaseUrl });
  opened.push(limits);
  return limits;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((limits) => limits.close()));
});

describe("which requests are limited", () => {
  it("names the costly reader requests and leaves pages, feeds and the desk alone", () => {
    expect(limitedGroup("/api/public/transcripts")).toBe("api");
    expect(limitedGroup("/api/public/transcripts/nato-briefing")).toBe("api");
    expect(limitedGroup("/api/oembed")).toBe("oembed");
    expect(limitedGroup("/search")).toBe("search");
    expect(limitedGroup("/t/nato-briefing/export/srt")).toBe("export");
    expect(limitedGroup("/t/nato-briefing/opengraph-image")).toBe("image");
    expect(limitedGroup("/q/ckq1/opengraph-image-1x2y3z")).toBe("image");
    for (const free of [
      "/",
      "/t/nato-briefing",
      "/feed.xml",
      "/searching",
      "/api/transcripts",
      "/desk",
      "/api/ready",
    ]) {
      expect(limitedGroup(free)).toBeNull();
    }
  });
});

describe("configuring the limits", () => {
  it("takes RATE_LIMITS pairs over the defaults, and PUBLIC_API_RATE_LIMIT for the API", () => {
    expect(configuredLimits({})).toEqual(DEFAULT_LIMITS);
    expect(configuredLimits({ RATE_LIMITS: "search=30, export=0", PUBLIC_API_RATE_LIMIT: "500" })).toEqual({
      ...DEFAULT_LIMITS,
      search: 30,
      export: 0,
      api: 500,
    });
    // RATE_LIMITS is the one place: it wins over the older variable.
    expect(configuredLimits({ RATE_LIMITS: "api=7", PUBLIC_API_RATE_LIMIT: "500" }).api).toBe(7);
  });

  it("refuses a setting it cannot read, saying what it takes", () => {
    for (const wrong of ["searches=30", "search", "search=-1", "search=ten", "search=1.5"]) {
      expect(() => configuredLimits({ RATE_LIMITS: wrong })).toThrow(RateLimitConfigError);
    }
    expect(() => configuredLimits({ RATE_LIMITS: "searches=30" })).toThrow(/api, search, oembed, export, image/);
  });
});

describe("counting a reader's requests", () => {
  it("allows the configured requests per minute per address and group, then refuses with Retry-After", async () => {
    const limits = limitsOn({ search: 3 });
    const address = someAddress();
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limits.take("search", address));
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[0]?.headers).toMatchObject({ "RateLimit-Limit": "3", "RateLimit-Remaining": "2" });
    const retryAfter = Number(verdicts[3]?.headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address, or another group, has its own allowance.
    expect((await limits.take("search", someAddress())).allowed).toBe(true);
    expect((await limits.take("api", address)).allowed).toBe(true);
  });

  it("does not count a request without a trusted address, nor a group whose limit is off", async () => {
    const limits = limitsOn({ search: 1, export: 0 });
    for (let i = 0; i < 3; i++) expect((await limits.take("search", "unknown")).allowed).toBe(true);
    const address = someAddress();
    for (let i = 0; i < 3; i++) expect((await limits.take("export", address)).allowed).toBe(true);
  });

  it("answers a refusal in the API's error shape for JSON routes and as a sentence elsewhere", () => {
    expect(JSON.parse(refusal("api").body)).toEqual({ error: { code: "RATE_LIMITED", message: expect.any(String) } });
    expect(refusal("oembed").contentType).toMatch(/^application\/json/);
    expect(refusal("search").contentType).toMatch(/^text\/plain/);
  });

  it("counts in this process without PostgreSQL (a SQLite install is one server process)", async () => {
    const first = limitsOn({ api: 2 }, "file:./data/verbatim.db");
    const second = limitsOn({ api: 2 }, "file:./data/verbatim.db");
    const address = someAddress();
    expect((await first.take("api", address)).allowed).toBe(true);
    expect((await first.take("api", address)).allowed).toBe(true);
    expect((await first.take("api", address)).allowed).toBe(false);
    // Another instance is another process's memory. On PostgreSQL the two share the database's counts
    // (lib/db/postgresql/reader-limits.test.ts).
    expect((await second.take("api", address)).allowed).toBe(true);
  });
});
