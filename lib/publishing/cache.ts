// Public pages are rendered once and served from Next's cache until something they show changes. Every public
// read is tagged (lib/publishing/public-queries.ts); publishing, correcting and unpublishing expire those tags, so
// the next reader gets the new page, not a stale one.
import { revalidateTag } from "next/cache";
import { publicPageCache } from "@/lib/http/page-cache";

/** Every public page and image: expired wholesale when the server starts (the database may have changed). */
export const PUBLIC_TAG = "public";
/** Lists across transcripts: the home page, /corrections. */
export const LISTINGS_TAG = "public:listings";
export const transcriptTag = (id: string) => `public:transcript:${id}`;
/** Lookups by address, so a 404 for a not-yet-published slug is forgotten when it is published. */
export const slugTag = (slug: string) => `public:slug:${slug}`;
export const quoteTag = (id: string) => `public:quote:${id}`;

/** The tags for everything a transcript's public life touches: its page, its quotes, the lists. */
export function transcriptTags(transcriptId: string, slugs: readonly string[], quoteIds: readonly string[]): string[] {
  return [LISTINGS_TAG, transcriptTag(transcriptId), ...slugs.map(slugTag), ...quoteIds.map(quoteTag)];
}

/**
 * Expires cached public pages now (not stale-while-revalidate: an unpublished page must not be served once more).
 * Outside a request (unit tests, scripts) there is no page cache to expire; the server expires everything public
 * when it starts.
 */
export function expirePublicCache(tags: readonly string[]): void {
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
