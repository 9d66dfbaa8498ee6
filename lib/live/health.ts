// How a live transcript's caption feed is doing, for the desk's Live panel: when the last cue came, how many a
// minute, and the longest silence lately. Kept as arrival times on the feed's state (lib/live/feed.ts), bounded.
import type { FeedHealth } from "@/lib/editor/types";

/** Arrivals older than this are forgotten. */
export const HEALTH_WINDOW_MS = 10 * 60_000;
/** At most this many arrival times are kept (a feed sending more than one a second is counted by the newest). */
export const MAX_ARRIVALS = 600;

export interface ArrivalLog {
  arrivals: number[];
  received: number;
}

/** The log after `count` cues arrived at `now` (ms since the epoch). */
export function recordArrivals(log: ArrivalLog, now: number, count: number): ArrivalLog {
  if (count <= 0) return log;
  const kept = log.arrivals.filter((at) => now - at <= HEALTH_WINDOW_MS);
  const added = Array.from({ length: Math.min(count, MAX_ARRIVALS) }, () => now);
  return { arrivals: [...kept, ...added].slice(-MAX_ARRIVALS), received: log.received + count };
}

export function feedHealth(log: ArrivalLog, now: number): FeedHealth {
  const recent = log.arrivals.filter((at) => now - at <= HEALTH_WINDOW_MS).sort((a, b) => a - b);
  const last = recent.at(-1) ?? log.arrivals.at(-1) ?? null;
  let longestGapMs = 0;
  for (let index = 1; index < recent.length; index++) {
    longestGapMs = Math.max(longestGapMs, recent[index]! - recent[index - 1]!);
  }
  if (last !== null) longestGapMs = Math.max(longestGapMs, now - last);
  return {
    lastCueAt: last === null ? null : new Date(last).toISOString(),
    cuesPerMinute: recent.filter((at) => now - at <= 60_000).length,
    longestGapMs: last === null ? 0 : longestGapMs,
    received: log.received,
  };
}
