// What a proxy's health checks get from a running server, without signing in.
import net from "node:net";
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

/** A raw connection to the server, to see what it does with the socket itself (keep-alive, closing). */
async function rawConnection(baseURL: string) {
  const { port, hostname } = new URL(baseURL);
  const socket = net.connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let received = "";
  let closed = false;
  socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
  socket.on("close", () => (closed = true));
  socket.on("error", () => undefined);
  return {
    socket,
    received: () => received,
    closed: () => closed,
    answers: () => received.match(/^HTTP\/1\.1 \d{3}/gm) ?? [],
  };
}

test("a request refused before its body has all arrived is answered at once and its connection closed", async ({
  baseURL,
}) => {
  // Not signed in, with 5 MB announced and only 64 KB sent: refused without reading the rest.
  const pending = await rawConnection(baseURL!);
  pending.socket.write(
    "POST /api/transcripts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
      "Content-Length: 5000000\r\nConnection: keep-alive\r\n\r\n",
  );
  pending.socket.write("x".repeat(64 * 1024));
  await expect.poll(() => pending.answers(), { timeout: 5_000 }).toEqual(["HTTP/1.1 401"]);
  expect(pending.received()).toMatch(/^connection: close\r$/im);
  // The server closes it: a next request on it would otherwise wait behind the rest of the body.
  await expect.poll(() => pending.closed(), { timeout: 5_000 }).toBe(true);

  // Announced over the largest body any route reads: 413 before a byte of it is read.
  const huge = await rawConnection(baseURL!);
  huge.socket.write(
    "POST /api/transcripts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
      "Content-Length: 500000000\r\n\r\n",
  );
  await expect.poll(() => huge.answers(), { timeout: 5_000 }).toEqual(["HTTP/1.1 413"]);
  expect(huge.received()).toContain('"code":"TOO_LARGE"');
  await expect.poll(() => huge.closed(), { timeout: 5_000 }).toBe(true);

  // A body the server has read keeps the connection alive: the next request on it is answered too.
  const whole = await rawConnection(baseURL!);
  const form = "csrfToken=none&email=nobody%40newsroom.test&password=wrong";
  whole.socket.write(
    "POST /api/auth/callback/credentials HTTP/1.1\r\nHost: localhost\r\n" +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\n\r\n${form}`,
  );
  await expect.poll(() => whole.answers().length, { timeout: 5_000 }).toBe(1);
  expect(whole.received()).not.toMatch(/^connection: close\r$/im);
  whole.socket.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
  await expect.poll(() => whole.answers().at(-1), { timeout: 5_000 }).toBe("HTTP/1.1 200");
  expect(whole.closed()).toBe(false);
  for (const connection of [pending, huge, whole]) connection.socket.destroy();
});
