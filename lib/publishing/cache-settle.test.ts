import { afterEach, describe, expect, it, vi } from "vitest";
import { announceExpiry, createInFlight, createSettler, onExpiry, SETTLE_MS } from "@/lib/publishing/cache-settle";

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
});
