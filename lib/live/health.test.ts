import { describe, expect, it } from "vitest";
import { feedHealth, HEALTH_WINDOW_MS, MAX_ARRIVALS, recordArrivals } from "@/lib/live/health";

const T0 = Date.UTC(2027, 1, 2, 21, 0, 0);

describe("the caption feed's health", () => {
  it("says nothing has come before the first cue", () => {
    expect(feedHealth({ arrivals: [], received: 0 }, T0)).toEqual({
      lastCueAt: null,
      cuesPerMinute: 0,
      longestGapMs: 0,
      received: 0,
    });
  });

  it("counts the last minute's cues, names the last one and the longest silence, including the one going on now", () => {
    let log = { arrivals: [] as number[], received: 0 };
    // Three cues a second for 20 s, then 45 s of silence, then one cue; asked 5 s later.
    for (let second = 0; second < 20; second++) log = recordArrivals(log, T0 + second * 1_000, 3);
    log = recordArrivals(log, T0 + 19_000 + 45_000, 1);
    const health = feedHealth(log, T0 + 69_000);
    expect(health.received).toBe(61);
    expect(health.lastCueAt).toBe(new Date(T0 + 64_000).toISOString());
    // The minute before T0 + 69 s starts at T0 + 9 s: seconds 9–19 (11 × 3) and the late one.
    expect(health.cuesPerMinute).toBe(34);
    expect(health.longestGapMs).toBe(45_000);
    // A silence still going on counts too.
    expect(feedHealth(log, T0 + 64_000 + 90_000).longestGapMs).toBe(90_000);
  });

  it("forgets arrivals outside the window and keeps at most MAX_ARRIVALS", () => {
    let log = recordArrivals({ arrivals: [], received: 0 }, T0, 5);
    log = recordArrivals(log, T0 + HEALTH_WINDOW_MS + 1, 2);
    expect(log.arrivals).toHaveLength(2);
    log = recordArrivals(log, T0 + HEALTH_WINDOW_MS + 2, MAX_ARRIVALS * 3);
    expect(log.arrivals).toHaveLength(MAX_ARRIVALS);
    expect(log.received).toBe(5 + 2 + MAX_ARRIVALS * 3);
  });
});
