import { afterEach, describe, expect, it, vi } from "vitest";
import { announceExpiry, createSettler, onExpiry, SETTLE_MS } from "@/lib/publishing/cache-settle";

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
});
