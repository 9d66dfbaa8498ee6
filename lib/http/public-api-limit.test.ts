import { describe, expect, it } from "vitest";
import { PublicApiLimit } from "@/lib/http/public-api-limit";

describe("PublicApiLimit", () => {
  it("allows the configured requests per minute per address, then refuses with Retry-After", async () => {
    const limit = new PublicApiLimit(3);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await limit.take("203.0.113.7"));
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[0]?.headers).toMatchObject({ "RateLimit-Limit": "3", "RateLimit-Remaining": "2" });
    expect(verdicts[2]?.headers["RateLimit-Remaining"]).toBe("0");
    const retryAfter = Number(verdicts[3]?.headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address has its own allowance.
    expect((await limit.take("198.51.100.2")).allowed).toBe(true);
  });
});
