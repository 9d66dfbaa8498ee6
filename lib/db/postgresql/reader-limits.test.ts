// Readers' rate limits on PostgreSQL (lib/http/reader-limits.ts): every server of a cluster counts in the same rows.
import { randomInt } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, ReaderLimits } from "@/lib/http/reader-limits";

const opened: ReaderLimits[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((limits) => limits.close()));
});

/** One server's limits on the test's database. */
function server(perMinute: Partial<typeof DEFAULT_LIMITS>): ReaderLimits {
  const limits = new ReaderLimits({ ...DEFAULT_LIMITS, ...perMinute }, { databaseUrl: process.env.DATABASE_URL });
  opened.push(limits);
  return limits;
}

describe("readers' rate limits on PostgreSQL", () => {
  it("add up the requests every server counted: the fifth of four is refused whichever server it reaches", async () => {
    const [first, second] = [server({ api: 4 }), server({ api: 4 })];
    const address = `198.51.100.${randomInt(1, 255)}`;
    expect((await first.take("api", address)).allowed).toBe(true);
    expect((await second.take("api", address)).allowed).toBe(true);
    expect((await first.take("api", address)).allowed).toBe(true);
    const fourth = await second.take("api", address);
    expect(fourth).toMatchObject({ allowed: true, headers: { "RateLimit-Remaining": "0" } });
    for (const limits of [first, second]) {
      const refused = await limits.take("api", address);
      expect(refused.allowed).toBe(false);
      expect(Number(refused.headers["Retry-After"])).toBeGreaterThanOrEqual(1);
    }
    // Other groups and other addresses keep their own counts.
    expect((await first.take("search", address)).allowed).toBe(true);
    expect((await second.take("api", `203.0.113.${randomInt(1, 255)}`)).allowed).toBe(true);
  });
});
