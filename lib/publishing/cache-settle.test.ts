import { afterEach, describe, expect, it, vi } from "vitest";
import {
  announceExpiry,
  createInFlight,
  createSettler,
  onExpiry,
  readsPublicCache,
  SETTLE_MS,
} from "@/lib/publishing/cache-settle";

afterEach(() => {
  vi.useRealTimers();
});

describe("expiring the public cache again once renders in flight have finished", () => {
  it("hears every expiry announced in the process, from any copy of the module", async () => {
    const heard: string[][] = [];
    const stop = onExpiry((tags) => heard.push(tags));
    announceExpiry(["public:slug:nato", "public:listings"]);
    announceExpiry([]);
    // A second copy of the module (as Next's bundle has) shares the same emitter.
    vi.resetModules();
    const other = await import("@/lib/publishing/cache-settle");
    other.announceExpiry(["public:quote:q1"]);
    stop();
    announceExpiry(["public:slug:after-stop"]);
    expect(heard).toEqual([["public:slug:nato", "public:listings"], ["public:quote:q1"]]);
  });

  it("expires a burst of tags again once, SETTLE_MS after the first", () => {
    vi.useFakeTimers();
    const expired: string[][] = [];
    const settler = createSettler((tags) => expired.push(tags));
    settler.add(["public:slug:a", "public:listings"]);
    vi.advanceTimersByTime(SETTLE_MS / 2);
    settler.add(["public:listings", "public:slug:b"]);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(SETTLE_MS / 2);
    expect(expired).toEqual([["public:slug:a", "public:listings", "public:slug:b"]]);
    // The next expiry starts a new round.
    settler.add(["public:slug:c"]);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(expired).toEqual([["public:slug:a", "public:listings", "public:slug:b"], ["public:slug:c"]]);
    settler.add(["public:slug:d"]);
    settler.stop();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(expired).toHaveLength(2);
  });

  it("expires again as soon as the requests under way at the expiry have ended, not those that began after", () => {
    vi.useFakeTimers();
    const expired: string[][] = [];
    const inFlight = createInFlight();
    const settler = createSettler((tags) => expired.push(tags), SETTLE_MS, inFlight);
    const slowRender = inFlight.begin();
    const quickRender = inFlight.begin();
    settler.add(["public:slug:a"]);
    // A render that began after the expiry read the new data: nothing waits for it.
    const laterRender = inFlight.begin();
    quickRender();
    expect(expired).toEqual([]);
    slowRender();
    expect(expired).toEqual([["public:slug:a"]]);
    // Ending twice counts once; the later render ending expires nothing more.
    slowRender();
    laterRender();
    expect(expired).toEqual([["public:slug:a"]]);
    // The delayed round still comes, for renders no request was waiting on (Next's background revalidation).
    vi.advanceTimersByTime(SETTLE_MS);
    expect(expired).toEqual([["public:slug:a"], ["public:slug:a"]]);
    expect(inFlight.size).toBe(0);
  });

  it("with nothing under way, waits only for the delayed round; each expiry waits for its own requests", () => {
    vi.useFakeTimers();
    const expired: string[][] = [];
    const inFlight = createInFlight();
    const settler = createSettler((tags) => expired.push(tags), SETTLE_MS, inFlight);
    settler.add(["public:slug:idle"]);
    expect(expired).toEqual([]);
    const first = inFlight.begin();
    settler.add(["public:slug:b"]);
    const second = inFlight.begin();
    settler.add(["public:slug:c"]);
    second();
    // "b" waits for the first request only; "c" for both.
    expect(expired).toEqual([]);
    first();
    expect(expired).toEqual([["public:slug:b"], ["public:slug:c"]]);
    settler.stop();
    const third = inFlight.begin();
    settler.add(["public:slug:stopped"]);
    third();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(expired).toEqual([["public:slug:b"], ["public:slug:c"]]);
  });

  it("holds new requests until the expiry is made again after the renders under way, and never longer than asked", async () => {
    vi.useFakeTimers();
    const made: string[][] = [];
    let finishExpiry!: () => void;
    const inFlight = createInFlight();
    const settler = createSettler(
      (tags) =>
        new Promise<void>((resolve) => {
          made.push(tags);
          finishExpiry = resolve;
        }),
      SETTLE_MS,
      inFlight,
    );
    // Nothing under way: nothing to wait for.
    settler.add(["public:slug:quiet"]);
    expect(settler.settled()).toBeNull();

    const render = inFlight.begin();
    settler.add(["public:slug:a"]);
    let released = false;
    void settler.settled()!.then(() => (released = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(released).toBe(false);
    // The render ends: the expiry is made again; requests go on once it has been.
    render();
    expect(made.at(-1)).toEqual(["public:slug:a"]);
    await vi.advanceTimersByTimeAsync(0);
    expect(released).toBe(false);
    finishExpiry();
    await vi.advanceTimersByTimeAsync(0);
    expect(released).toBe(true);
    expect(settler.settled()).toBeNull();

    // A render that never ends holds nobody for more than the most they wait.
    inFlight.begin();
    settler.add(["public:slug:b"]);
    let waited = false;
    void settler.settled(500)!.then(() => (waited = true));
    await vi.advanceTimersByTimeAsync(499);
    expect(waited).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waited).toBe(true);
    // Once the delayed round has come, the render that never ends holds no new request at all.
    expect(settler.settled()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(settler.settled()).toBeNull();
    settler.stop();
  });

  it("waits and counts only requests that read the public caches", () => {
    for (const url of ["/", "/t/nato?_rsc=1x2", "/q/abc/opengraph-image", "/search?q=x", "/feed.xml", "/embed/t/a"]) {
      expect(readsPublicCache("GET", url), url).toBe(true);
    }
    expect(readsPublicCache("HEAD", "/t/nato")).toBe(true);
    expect(readsPublicCache("GET", "/api/public/transcripts?page=2")).toBe(true);
    expect(readsPublicCache("GET", "/api/oembed?url=x")).toBe(true);
    for (const url of ["/desk", "/desk/transcripts/1", "/admin/audit", "/api/transcripts/1", "/api/internal/expire"]) {
      expect(readsPublicCache("GET", url), url).toBe(false);
    }
    expect(readsPublicCache("GET", "/_next/static/chunks/app.js")).toBe(false);
    expect(readsPublicCache("POST", "/t/nato")).toBe(false);
    // Not a prefix of a public address by accident.
    expect(readsPublicCache("GET", "/desktop-guide")).toBe(true);
  });
});
