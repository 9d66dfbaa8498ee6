// Which cache tags a public response belongs to, sent as `Surrogate-Key` so an edge cache (Varnish with xkey,
// Fastly's surrogate keys, Cloudflare's cache tags) can forget exactly those responses when the same tags expire
// here (lib/publishing/cache.ts → edge-purge.ts). Worked out from the address alone, before Next answers,
// with the same tag names the pages' own cache uses.
import { LISTINGS_TAG, PUBLIC_TAG, quoteTag, slugTag } from "@/lib/publishing/cache-tags";

/** Addresses of one transcript by its slug: the page, its changes, parts, exports, its embed and its public JSON. */
const BY_SLUG = /^\/(?:t|embed\/t|api\/public\/transcripts)\/([a-z0-9-]+)(?:\/[^?#]*)?$/;
/** A key quote's page, its image and its embed. */
const BY_QUOTE = /^\/(?:q|embed\/q)\/([A-Za-z0-9_-]+)(?:\/[^?#]*)?$/;
/** Pages and documents that list or search across transcripts. */
const LISTINGS =
  /^\/(?:corrections(?:\/.*)?|latest(?:\/.*)?|transcripts|speakers(?:\/.*)?|(?:topics|people|organisations|places|authors)\/.*|search|feed\.xml|atom\.xml|sitemap\.xml|sitemaps\/\d+\.xml|robots\.txt|api\/public\/transcripts|api\/public\/export-schema\.json)$/;

function keysForPath(pathname: string): string[] | null {
  if (pathname === "/") return [PUBLIC_TAG, LISTINGS_TAG];
  const slug = BY_SLUG.exec(pathname)?.[1];
  if (slug) return [PUBLIC_TAG, slugTag(slug)];
  const quote = BY_QUOTE.exec(pathname)?.[1];
  if (quote) return [PUBLIC_TAG, quoteTag(quote)];
  if (LISTINGS.test(pathname)) return [PUBLIC_TAG, LISTINGS_TAG];
  return null;
}

/**
 * The Surrogate-Key values of a GET or HEAD for a public address, or null for anything else (the desk, the
 * staff API, sign-in, Next's assets): those are never cached at the edge. oEmbed answers for the page its `url`
 * names.
 */
export function surrogateKeysFor(method: string | undefined, url: string | undefined): string[] | null {
  if ((method !== "GET" && method !== "HEAD") || !url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, "http://edge.invalid");
  } catch {
    return null;
  }
  const pathname = parsed.pathname.replace(/(.)\/+$/, "$1");
  if (pathname === "/api/oembed") {
    const page = parsed.searchParams.get("url");
    let target: string | null = null;
    try {
      target = page ? new URL(page).pathname : null;
    } catch {
      target = null;
    }
    return (target ? keysForPath(target.replace(/(.)\/+$/, "$1")) : null) ?? [PUBLIC_TAG, LISTINGS_TAG];
  }
  return keysForPath(pathname);
}
