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
