// The bytes of public pages Next has already rendered into its cache, kept by the server (scripts/serve.ts) so a
// reader's request for one is answered without going through Next's router and renderer again. Only responses
// Next itself served from its cache (`x-nextjs-cache: HIT`) are kept, and every expiry of a public cache tag
// (publish, correction, unpublish: lib/publishing/cache.ts) empties this copy in the same process, so it is never
// staler than Next's own.
import { processWide } from "@/lib/runtime/process-wide";

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  storedAt: number;
}

export interface PageCacheOptions {
  /** Entries older than this are dropped even without an expiry: a bound on any mistake. */
  maxAgeMs: number;
  /** The most body bytes kept; the least recently used pages go first. */
  maxBytes: number;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly options: PageCacheOptions) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt > this.options.maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last, so the oldest is first in line to go.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, page: CachedPage): void {
    if (page.body.length > this.options.maxBytes) return;
    this.delete(key);
    this.entries.set(key, page);
    this.bytes += page.body.length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}

/** Public reading pages and lists; never the desk, the API, Next's assets or anything with a query string. */
const PUBLIC_PAGE =
  /^\/(?:|t\/[^/?#]+(?:\/changes)?|q\/[^/?#]+|corrections(?:\/page\/\d+)?|latest\/\d+|transcripts|speakers(?:\/[^/?#]+)?|(?:topics|people|organisations|places|authors)\/[^/?#]+)$/;

/** Headers that ask Next for something other than the page's HTML (router payloads, prefetches). */
const VARIANT_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
];

function acceptsGzip(headers: Record<string, unknown>): boolean {
  return /\bgzip\b/i.test(String(headers["accept-encoding"] ?? ""));
}

/**
 * The cache key for a request that may be answered from the copy, or null. Next compresses for a client that
 * accepts gzip, so the compressed and the plain page are kept apart: each client gets only what it can read.
 */
export function pageCacheKey(method: string | undefined, url: string | undefined, headers: Record<string, unknown>) {
  if (method !== "GET" || !url || !PUBLIC_PAGE.test(url)) return null;
  if (VARIANT_HEADERS.some((name) => headers[name] !== undefined)) return null;
  return `${acceptsGzip(headers) ? "gzip" : "identity"} ${url}`;
}

/**
 * Whether a response may be kept under `key`: HTML Next served from its own cache, the same for every reader, in
 * the encoding the key names.
 */
export function isCacheablePage(key: string, status: number, headers: Record<string, unknown>): boolean {
  const encoding = String(headers["content-encoding"] ?? "identity");
  return (
    status === 200 &&
    headers["x-nextjs-cache"] === "HIT" &&
    String(headers["content-type"] ?? "").startsWith("text/html") &&
    headers["set-cookie"] === undefined &&
    key.startsWith(`${encoding} `)
  );
}

/** The one copy in this process, shared by the server (which fills it) and Next's handlers (which empty it). */
export function publicPageCache(): PageCache {
  return processWide("publicPageCache", () => new PageCache({ maxAgeMs: 60_000, maxBytes: 64 * 1024 * 1024 }));
}
