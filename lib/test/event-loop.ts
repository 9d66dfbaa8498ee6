import { performance } from "node:perf_hooks";

/**
 * Measures how long this thread's event loop went without running a 10 ms timer: the longest stall any other
 * request would have seen. Call `stop()` to end the measurement and read the longest gap in milliseconds.
 */
export function watchEventLoopGaps(): { stop(): number } {
  let longestGapMs = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 10);
  return {
    stop() {
      clearInterval(ticker);
      return Math.max(longestGapMs, performance.now() - last);
    },
  };
}
