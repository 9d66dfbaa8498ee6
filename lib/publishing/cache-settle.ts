// Expiring the public cache a second time, once the renders in flight have finished. A page (or a cached read) that
// started rendering before a change was committed can finish after the change expired the cache, and store what it
// read then: a 404 for a transcript that has just been published, or the words before a correction, kept until the
// next expiry or for five minutes. So scripts/serve.ts hears every expiry made inside Next (`announceExpiry`, from
// lib/publishing/cache.ts) and asks Next to expire the same tags again (through /api/internal/expire, where expiry
// works) as soon as the requests it was answering at the time have ended, and once more SETTLE_MS later; it does the
// same for the tags other servers expire. Framework-free: both sides load it.
import { processSignal } from "@/lib/runtime/process-wide";

/** Longer than a public page takes to render on a busy server, short enough that nobody waits on it. */
export const SETTLE_MS = 2_000;

const expiries = processSignal<string[]>("public-cache-expiries");

/** Tells the server (in the same process) that these tags were just expired. */
export function announceExpiry(tags: readonly string[]): void {
  if (tags.length > 0) expiries.send([...tags]);
}

/** Calls `listener` with the tags of each expiry announced in this process; returns how to stop listening. */
export function onExpiry(listener: (tags: string[]) => void): () => void {
  return expiries.listen(listener);
}

/**
 * The requests this server is answering now, so an expiry can be made again the moment the ones already under way
 * have finished: a render that read the data before the change stores its page when it ends, and a reader who asks
 * right after should not get that page. `begin` when a request reaches Next; call what it returns when it ends.
 */
export function createInFlight() {
  let nextId = 0;
  const open = new Set<number>();
  const waiters = new Set<{ pending: Set<number>; run: () => void }>();
  return {
    begin(): () => void {
      const id = nextId++;
      open.add(id);
      return () => {
        if (!open.delete(id)) return;
        for (const waiter of waiters) {
          waiter.pending.delete(id);
          if (waiter.pending.size > 0) continue;
          waiters.delete(waiter);
          waiter.run();
        }
      };
    },
    /**
     * Runs `run` once every request open now has ended, and returns true; with none open it returns false and never
     * runs it (nothing under way can store what it read before).
     */
    afterOpen(run: () => void): boolean {
      if (open.size === 0) return false;
      waiters.add({ pending: new Set(open), run });
      return true;
    },
    get size(): number {
      return open.size;
    },
  };
}

export type InFlight = ReturnType<typeof createInFlight>;

/**
 * Whether a request's answer may come from, or be stored in, the public caches: whatever a reader can GET, but Next's
 * own files, the staff area and the staff API (the public API and oEmbed are a reader's).
 */
export function readsPublicCache(method: string | undefined, url: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const path = (url ?? "/").split("?")[0] ?? "/";
  return !/^\/(?:_next\/static\/|desk(?:\/|$)|admin(?:\/|$)|api\/(?!public\/|oembed$))/.test(path);
}

/**
 * Expires what it is given again: as soon as the requests in flight at the time have ended (`inFlight`), and in any
 * case `delayMs` after the first of a burst (a render with no request of its own, Next's background revalidation,
 * ends unseen). The delayed round collects a burst of expiries (a publication, its index, its quotes) into one.
 * Until the first round is made, `settled()` is what a new request waits on, so that it cannot be answered with (or
 * join) a render that read the data before the change.
 */
export function createSettler(expire: (tags: string[]) => unknown, delayMs = SETTLE_MS, inFlight?: InFlight) {
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const settling = new Set<Promise<void>>();
  return {
    add(tags: readonly string[]) {
      if (tags.length === 0 || stopped) return;
      const again = [...tags];
      let done!: () => void;
      const made = new Promise<void>((resolve) => (done = resolve));
      const waits = inFlight?.afterOpen(() => {
        if (stopped) return done();
        try {
          void Promise.resolve(expire(again))
            .catch(() => undefined)
            .finally(done);
        } catch {
          done();
        }
      });
      if (waits) {
        settling.add(made);
        // Waited for until it is made, or until the delayed round makes it anyway: a request that never ends (a
        // stuck render) holds nobody after that.
        const forget = setTimeout(() => settling.delete(made), delayMs);
        forget.unref?.();
        void made.then(() => {
          clearTimeout(forget);
          settling.delete(made);
        });
      }
      for (const tag of tags) pending.add(tag);
      if (timer) return;
      timer = setTimeout(() => {
        const batch = [...pending];
        pending = new Set();
        timer = null;
        void Promise.resolve(expire(batch)).catch(() => undefined);
      }, delayMs);
      timer.unref?.();
    },
    /**
     * Null when no expiry is waiting for renders under way; otherwise what resolves once each has been made again,
     * or after `mostMs` at the most (a request never waits longer than that on someone else's slow render).
     */
    settled(mostMs = delayMs): Promise<void> | null {
      if (settling.size === 0) return null;
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const most = new Promise<void>((resolve) => (timeout = setTimeout(resolve, mostMs)));
      return Promise.race([Promise.all(settling).then(() => undefined), most]).finally(() => clearTimeout(timeout));
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      pending = new Set();
    },
  };
}
