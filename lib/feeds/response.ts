// The one answer every feed route gives: the cached XML with its content type, a 304 for a reader that already
// has it, a 404 for a speaker, topic or author nobody can read about.
import { FEED_CONTENT_TYPES, type FeedFormat } from "./feed";
import { getFeedDocument } from "./cached";
import type { FeedScope } from "./queries";

// Readers revalidate every time (a withdrawn transcript must not linger in a shared cache), which costs a 304 when
// nothing changed.
const CACHE_CONTROL = "public, max-age=0, must-revalidate";

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

export async function feedResponse(request: Request, scope: FeedScope, format: FeedFormat): Promise<Response> {
  const document = await getFeedDocument(scope, format);
  if (!document) {
    return new Response("No published transcripts here.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": CACHE_CONTROL },
    });
  }
  const headers = { etag: document.etag, "cache-control": CACHE_CONTROL };
  if (etagMatches(request.headers.get("if-none-match"), document.etag))
    return new Response(null, { status: 304, headers });
  return new Response(document.xml, { headers: { ...headers, "content-type": FEED_CONTENT_TYPES[format] } });
}
