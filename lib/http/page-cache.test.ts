import { describe, expect, it } from "vitest";
import { isCacheablePage, PageCache, pageCacheKey } from "@/lib/http/page-cache";

const page = (body: string, storedAt = 0) => ({
  status: 200,
  headers: [["content-type", "text/html; charset=utf-8"]] as [string, string][],
  body: Buffer.from(body),
  storedAt,
});

describe("the server's copy of cached public pages", () => {
  it("answers what it stored until cleared", () => {
    const cache = new PageCache({ maxAgeMs: 60_000, maxBytes: 1_000 });
    cache.set("/t/briefing", page("<p>published</p>"));
    expect(cache.get("/t/briefing", 10)?.body.toString()).toBe("<p>published</p>");
    cache.clear();
    expect(cache.get("/t/briefing", 10)).toBeUndefined();
  });

  it("drops an entry older than its age limit", () => {
    const cache = new PageCache({ maxAgeMs: 1_000, maxBytes: 1_000 });
    cache.set("/", page("home", 0));
    expect(cache.get("/", 1_000)).toBeDefined();
    expect(cache.get("/", 1_001)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps within its byte budget by dropping the least recently used page", () => {
    const cache = new PageCache({ maxAgeMs: 60_000, maxBytes: 10 });
    cache.set("/a", page("aaaa"));
    cache.set("/b", page("bbbb"));
    cache.get("/a", 0);
    cache.set("/c", page("cccc"));
    expect(cache.get("/a", 0)).toBeDefined();
    expect(cache.get("/b", 0)).toBeUndefined();
    expect(cache.get("/c", 0)).toBeDefined();
    cache.set("/huge", page("x".repeat(11)));
    expect(cache.get("/huge", 0)).toBeUndefined();
  });

  it("answers only plain GETs of public pages, never the desk, the API, queries or router payloads", () => {
    for (const url of [
      "/",
      "/t/nato-2019",
      "/t/nato-2019/changes",
      "/q/abc",
      "/corrections",
      "/corrections/page/2",
      "/latest/3",
      "/transcripts",
      "/speakers",
      "/speakers/jens-stoltenberg",
      "/topics/inf-treaty",
      "/people/jens-stoltenberg",
      "/organisations/nato",
      "/places/brussels",
      "/authors/rita-reporter",
    ]) {
      expect(pageCacheKey("GET", url, {}), url).toBe(`identity ${url}`);
      expect(pageCacheKey("GET", url, { "accept-encoding": "gzip, deflate, br" }), url).toBe(`gzip ${url}`);
    }
    for (const url of [
      "/desk",
      "/desk/transcripts/x/preview",
      "/api/transcripts",
      "/t/x?draft=1",
      "/_next/static/a.js",
      "/signin",
      "/t/x/opengraph-image-1",
      "/transcripts?page=2",
      "/search",
      "/speakers/x/feed.xml",
      "/authors/x/atom.xml",
      "/embed/t/x",
    ]) {
      expect(pageCacheKey("GET", url, {}), url).toBeNull();
    }
    expect(pageCacheKey("POST", "/t/x", {})).toBeNull();
    expect(pageCacheKey("HEAD", "/t/x", {})).toBeNull();
    expect(pageCacheKey("GET", "/t/x", { rsc: "1" })).toBeNull();
    expect(pageCacheKey("GET", "/t/x", { "next-router-prefetch": "1" })).toBeNull();
  });

  it("keeps only HTML that Next served from its own cache, without cookies, in the encoding the key names", () => {
    const html = { "content-type": "text/html; charset=utf-8", "x-nextjs-cache": "HIT" };
    const plain = "identity /t/x";
    expect(isCacheablePage(plain, 200, html)).toBe(true);
    expect(isCacheablePage(plain, 404, html)).toBe(false);
    expect(isCacheablePage(plain, 200, { ...html, "x-nextjs-cache": "MISS" })).toBe(false);
    expect(isCacheablePage(plain, 200, { ...html, "x-nextjs-cache": "STALE" })).toBe(false);
    expect(isCacheablePage(plain, 200, { "content-type": "text/html" })).toBe(false);
    expect(isCacheablePage(plain, 200, { ...html, "content-type": "image/png" })).toBe(false);
    expect(isCacheablePage(plain, 200, { ...html, "set-cookie": ["a=b"] })).toBe(false);
    // A compressed page is kept only for clients that accept gzip, and never as the plain one.
    expect(isCacheablePage("gzip /t/x", 200, { ...html, "content-encoding": "gzip" })).toBe(true);
    expect(isCacheablePage(plain, 200, { ...html, "content-encoding": "gzip" })).toBe(false);
    expect(isCacheablePage("gzip /t/x", 200, html)).toBe(false);
    expect(isCacheablePage("gzip /t/x", 200, { ...html, "content-encoding": "br" })).toBe(false);
  });
});
