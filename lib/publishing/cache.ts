// Public pages are rendered once and served from Next's cache until something they show changes. Every public
// read is tagged (lib/publishing/public-queries.ts); publishing, correcting and unpublishing expire those tags, so
// the next reader gets the new page, not a stale one.
import { revalidateTag } from "next/cache";
import { db } from "@/lib/db";
import { notifyServers } from "@/lib/db/coordination";
import { publicPageCache } from "@/lib/http/page-cache";
import { PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import { CACHE_CHANNEL, encodeExpiry } from "@/lib/publishing/cache-messages";
import { announceExpiry } from "@/lib/publishing/cache-settle";
import { purgeEdge } from "@/lib/publishing/edge-purge";
import { errorFields, log } from "@/lib/ops/log";
import { metrics } from "@/lib/ops/metrics";

/**
 * Expires cached public pages now (not stale-while-revalidate: an unpublished page must not be served once more),
 * here and everywhere else that keeps them: the edge cache (EDGE_PURGE_URL) and, on PostgreSQL, every other server
 * of the cluster (NOTIFY; scripts/serve.ts listens and expires the same tags there at once). Outside a request
 * (unit tests, scripts) there is no page cache to expire; the server expires everything public when it starts.
 */
export function expirePublicCache(tags: readonly string[]): void {
  if (tags.length === 0) return;
  // The edge cache in front of the servers (when EDGE_PURGE_URL is set) forgets the same tags, in the background.
  purgeEdge(tags);
  void notifyServers(db, CACHE_CHANNEL, encodeExpiry(tags, PUBLIC_TAG)).then(
    (sent) => {
      if (sent) metrics().expiries.inc({ direction: "sent" });
    },
    (error: unknown) => log.error({ tags, ...errorFields(error) }, "could not tell the other servers what expired"),
  );
  expireHere(tags);
  // Renders already under way may store what they read before the change: the server expires these again shortly.
  announceExpiry(tags);
}

/** Expires the tags in this server only: what another server's expiry (or this server's start) asks of it. */
export function expireHere(tags: readonly string[]): void {
  if (tags.length === 0) return;
  // The server's copy of rendered pages (lib/http/page-cache.ts) goes whole: changes are rare, pages cheap to refill.
  publicPageCache().clear();
  for (const tag of new Set(tags)) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (error instanceof Error && /static generation store missing/.test(error.message)) return;
      throw error;
    }
  }
}
