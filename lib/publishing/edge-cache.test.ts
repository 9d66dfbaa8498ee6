import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendEdgePurge } from "@/lib/publishing/edge-purge";
import { surrogateKeysFor } from "@/lib/publishing/surrogate-keys";

describe("surrogateKeysFor", () => {
  it.each([
    ["/t/nato-briefing", ["public", "public:slug:nato-briefing"]],
    ["/t/nato-briefing/changes", ["public", "public:slug:nato-briefing"]],
    ["/t/nato-briefing/export/srt", ["public", "public:slug:nato-briefing"]],
    ["/embed/t/nato-briefing", ["public", "public:slug:nato-briefing"]],
    ["/api/public/transcripts/nato-briefing", ["public", "public:slug:nato-briefing"]],
    ["/q/cm9x1abc", ["public", "public:quote:cm9x1abc"]],
    ["/embed/q/cm9x1abc/", ["public", "public:quote:cm9x1abc"]],
    ["/", ["public", "public:listings"]],
    ["/search?q=nato", ["public", "public:listings"]],
    ["/speakers/jens-stoltenberg", ["public", "public:listings"]],
    ["/topics/kosovo/feed.xml", ["public", "public:listings"]],
    ["/feed.xml", ["public", "public:listings"]],
    ["/sitemap.xml", ["public", "public:listings"]],
    ["/sitemaps/2.xml", ["public", "public:listings"]],
    ["/api/public/transcripts?page=2", ["public", "public:listings"]],
    [
      "/api/oembed?url=https%3A%2F%2Fnews.example%2Ft%2Fnato-briefing&format=json",
      ["public", "public:slug:nato-briefing"],
    ],
    ["/api/oembed?url=https%3A%2F%2Fnews.example%2Fq%2Fcm9x1abc", ["public", "public:quote:cm9x1abc"]],
  ])("names the tags of %s", (url, keys) => {
    expect(surrogateKeysFor("GET", url)).toEqual(keys);
    expect(surrogateKeysFor("HEAD", url)).toEqual(keys);
  });

  it.each(["/desk", "/desk/transcripts/abc", "/admin/users", "/api/transcripts/abc", "/signin", "/_next/static/x.js"])(
    "leaves %s out of the edge cache",
    (url) => {
      expect(surrogateKeysFor("GET", url)).toBeNull();
    },
  );

  it("leaves writes out whatever the address", () => {
    expect(surrogateKeysFor("POST", "/t/nato-briefing")).toBeNull();
    expect(surrogateKeysFor("PURGE", "/")).toBeNull();
  });
});

describe("sendEdgePurge", () => {
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  /** An edge that answers each PURGE with the next status of `statuses` and records what it got. */
  async function edge(statuses: number[]) {
    const received: { method?: string; headers: IncomingHttpHeaders }[] = [];
    const server = createServer((request, response) => {
      received.push({ method: request.method, headers: request.headers });
      response.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200);
      response.end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received };
  }

  it("sends PURGE with the expired tags as Surrogate-Key, once each", async () => {
    const { url, received } = await edge([200]);
    expect(await sendEdgePurge(["public:listings", "public:slug:a", "public:listings"], { url })).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]?.method).toBe("PURGE");
    expect(received[0]?.headers["surrogate-key"]).toBe("public:listings public:slug:a");
  });

  it("retries an edge that fails, and gives up on one that refuses", async () => {
    const flaky = await edge([503, 502, 200]);
    expect(await sendEdgePurge(["public"], { url: flaky.url, delays: [1, 1] })).toBe(true);
    expect(flaky.received).toHaveLength(3);
    const refusing = await edge([403]);
    expect(await sendEdgePurge(["public"], { url: refusing.url, delays: [1, 1] })).toBe(false);
    expect(refusing.received).toHaveLength(1);
  });

  it("does nothing without EDGE_PURGE_URL, and never throws when the edge is down", async () => {
    expect(await sendEdgePurge(["public"], { url: "" })).toBe(true);
    expect(await sendEdgePurge(["public"], { url: "http://127.0.0.1:9/", delays: [1, 1] })).toBe(false);
  });
});
