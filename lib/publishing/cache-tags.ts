// The names of the public cache's tags: shared by the pages' own cache (cache.ts, which needs Next) and by what
// must not load Next, such as the server's Surrogate-Key headers (surrogate-keys.ts, used by scripts/serve.ts).

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
