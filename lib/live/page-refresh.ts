// Keeping a live transcript's cached reading page fresh enough. Its page is cached like any public page; readers who
// have it receive everything newer over its stream, so it need not be expired on every event (at ten cues a second
// that would render it ten times a second). Instead each server's hub announces that a live page has moved on
// (`announceLivePage`), and scripts/serve.ts expires it at most once every LIVE_PAGE_REFRESH_MS (`createThrottle`),
// so a late reader's page is a few seconds old and its stream fills the rest from the hub's memory. Framework-free:
// Next's bundle and scripts/serve.ts each load their own copy, and meet through a registered symbol.
import { processSignal } from "@/lib/runtime/process-wide";

export const LIVE_PAGE_REFRESH_MS = 5_000;

const livePages = processSignal<string>("live-pages");

/** The live page at /t/<slug> is older than what its readers now have. */
export function announceLivePage(slug: string): void {
  livePages.send(slug);
}

export function onLivePage(listener: (slug: string) => void): () => void {
  return livePages.listen(listener);
}

/**
 * Calls `run(key)` at most once per `everyMs` for each key: the first call waits `everyMs`, and every call until then
 * joins it.
 */
export function createThrottle(run: (key: string) => void, everyMs = LIVE_PAGE_REFRESH_MS) {
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    add(key: string) {
      if (waiting.has(key)) return;
      const timer = setTimeout(() => {
        waiting.delete(key);
        run(key);
      }, everyMs);
      timer.unref?.();
      waiting.set(key, timer);
    },
    stop() {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
    },
  };
}
