// What a proxy's health checks get from a running server, without signing in.
import { expect, test } from "./fixtures";

test("GET /api/health answers without the database, and /api/ready once every migration is applied", async ({
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["cache-control"]).toBe("no-store");

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ ready: true, database: "ok", pendingMigrations: [], fanOut: "not used" });
});

test("a reader's costly requests are limited per address, answering 429 with Retry-After; pages are not", async ({
  request,
}) => {
  // The default limits (lib/http/reader-limits.ts); this test's requests come from an address of its own.
  const limits = [
    { path: "/t/no-such-transcript/export/srt", perMinute: 30 },
    { path: "/search?q=limits", perMinute: 60 },
    { path: "/api/oembed?url=http%3A%2F%2Flocalhost%2Ft%2Fno-such-transcript", perMinute: 120 },
    { path: "/api/public/transcripts", perMinute: 120 },
    { path: "/t/no-such-transcript/opengraph-image", perMinute: 120 },
  ];
  for (const { path, perMinute } of limits) {
    const statuses = new Set<number>();
    for (let index = 0; index < perMinute; index++) {
      const response = await request.get(path);
      statuses.add(response.status());
      if (index === 0) expect(response.headers()["ratelimit-limit"], path).toBe(String(perMinute));
    }
    expect(statuses.has(429), `${path} refused within its limit`).toBe(false);
    const refused = await request.get(path);
    expect(refused.status(), path).toBe(429);
    expect(Number(refused.headers()["retry-after"]), path).toBeGreaterThanOrEqual(1);
    expect(refused.headers()["cache-control"], path).toBe("no-store");
    expect(refused.headers()["surrogate-key"], path).toBeUndefined();
    if (path.startsWith("/api/")) expect((await refused.json()).error.code).toBe("RATE_LIMITED");
    else expect(await refused.text()).toMatch(/^Too many requests from your address/);
  }
  // Reading pages are cached and not counted: the same reader still gets them.
  for (let index = 0; index < 5; index++) expect((await request.get("/")).status()).toBe(200);
});
