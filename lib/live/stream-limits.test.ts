import { describe, expect, it } from "vitest";
import {
  configuredStreamLimits,
  DEFAULT_STREAM_LIMITS,
  StreamCounter,
  StreamLimitConfigError,
} from "@/lib/live/stream-limits";

describe("live stream limits", () => {
  it("refuses a client past its share with 429, and the server past its total with 503, until streams close", () => {
    const counter = new StreamCounter({ perClient: 2, total: 3 });
    const first = counter.open("203.0.113.7");
    const second = counter.open("203.0.113.7");
    expect(first.allowed && second.allowed).toBe(true);
    const third = counter.open("203.0.113.7");
    expect(third).toMatchObject({ allowed: false, status: 429 });
    expect(!third.allowed && third.message).toContain("(2)");
    // Another reader still gets in, up to the server's total.
    const other = counter.open("2001:db8::1");
    expect(other.allowed).toBe(true);
    expect(counter.open("198.51.100.2")).toMatchObject({ allowed: false, status: 503 });
    expect(counter.size).toBe(3);
    // A closed stream frees its place once, however often it is released.
    if (!first.allowed) throw new Error("unreachable");
    first.release();
    first.release();
    expect(counter.size).toBe(2);
    expect(counter.open("203.0.113.7").allowed).toBe(true);
    expect(counter.open("203.0.113.7")).toMatchObject({ allowed: false, status: 429 });
  });

  it("forgets an address once its last stream closes, and 0 means no limit", () => {
    const counter = new StreamCounter({ perClient: 0, total: 0 });
    const tickets = Array.from({ length: 500 }, (_, index) => counter.open(`10.0.${index % 5}.1`));
    expect(tickets.every((ticket) => ticket.allowed)).toBe(true);
    expect(counter.clients).toBe(5);
    for (const ticket of tickets) if (ticket.allowed) ticket.release();
    expect(counter.size).toBe(0);
    expect(counter.clients).toBe(0);
  });

  it("reads LIVE_STREAMS_PER_CLIENT and LIVE_MAX_STREAMS, and says what is wrong with a bad value", () => {
    expect(configuredStreamLimits({})).toEqual(DEFAULT_STREAM_LIMITS);
    expect(configuredStreamLimits({ LIVE_STREAMS_PER_CLIENT: " 0 ", LIVE_MAX_STREAMS: "4000" })).toEqual({
      perClient: 0,
      total: 4000,
    });
    for (const bad of ["-1", "ten", "2.5"]) {
      expect(() => configuredStreamLimits({ LIVE_MAX_STREAMS: bad })).toThrow(StreamLimitConfigError);
      expect(() => configuredStreamLimits({ LIVE_STREAMS_PER_CLIENT: bad })).toThrow(
        `LIVE_STREAMS_PER_CLIENT is a number of open live streams (0 for no limit); "${bad}" is not one.`,
      );
    }
  });
});
