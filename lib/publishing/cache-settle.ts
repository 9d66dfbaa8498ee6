// Expiring the public cache a second time, once the renders in flight have finished. A page (or a cached read) that
// started rendering before a change was committed can finish after the change expired the cache, and store what it
// read then: a 404 for a transcript that has just been published, say, kept until the next expiry or for five
// minutes. So scripts/serve.ts hears every expiry made inside Next (`announceExpiry`, from lib/publishing/cache.ts)
// and, SETTLE_MS later, asks Next to expire the same tags again (through /api/internal/expire, where expiry works);
// it does the same for the tags other servers expire. Framework-free: both sides load it.
import { EventEmitter } from "node:events";

/** Longer than a public page takes to render on a busy server, short enough that nobody waits on it. */
export const SETTLE_MS = 2_000;

/**
 * One emitter for the whole process, found through a registered symbol: Next's bundle and scripts/serve.ts each load
 * their own copy of this module.
 */
const BUS = Symbol.for("verbatim.public-cache-expiries");

function bus(): EventEmitter {
  const holder = globalThis as { [BUS]?: EventEmitter };
  return (holder[BUS] ??= new EventEmitter());
}

/** Tells the server (in the same process) that these tags were just expired. */
export function announceExpiry(tags: readonly string[]): void {
  if (tags.length > 0) bus().emit("expired", [...tags]);
}

/** Calls `listener` with the tags of each expiry announced in this process; returns how to stop listening. */
export function onExpiry(listener: (tags: string[]) => void): () => void {
  bus().on("expired", listener);
  return () => {
    bus().off("expired", listener);
  };
}

/**
 * Collects the tags it is given and expires them together, `delayMs` after the first of them: a burst of expiries
 * (a publication, its index, its quotes) is expired again once, not once each.
 */
export function createSettler(expire: (tags: string[]) => void, delayMs = SETTLE_MS) {
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    add(tags: readonly string[]) {
      for (const tag of tags) pending.add(tag);
      if (timer || pending.size === 0) return;
      timer = setTimeout(() => {
        const batch = [...pending];
        pending = new Set();
        timer = null;
        expire(batch);
      }, delayMs);
      timer.unref?.();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = new Set();
    },
  };
}
