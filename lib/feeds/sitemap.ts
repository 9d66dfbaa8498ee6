// The sitemap as crawlers read it (sitemaps.org): one <urlset> while the site has at most 50,000 public addresses (a
// sitemap's limit), and beyond that a <sitemapindex> at /sitemap.xml naming /sitemaps/1.xml, /sitemaps/2.xml, …, each
// a <urlset> of up to 50,000. Written with fast-xml-parser's builder, which escapes what it writes.
import { XMLBuilder } from "fast-xml-parser";

/** Addresses per sitemap file: the protocol's limit, or SITEMAP_MAX_URLS (lower, for tests). */
export function sitemapMaxUrls(): number {
  const configured = Number(process.env.SITEMAP_MAX_URLS);
  return Number.isInteger(configured) && configured > 0 && configured < 50_000 ? configured : 50_000;
}

export interface SitemapEntry {
  /** Absolute. */
  url: string;
  /** ISO 8601, when known. */
  lastModified: string | null;
}

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: false });

function document(root: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root) as string}`;
}

const located = ({ url, lastModified }: SitemapEntry) => ({
  loc: url,
  ...(lastModified ? { lastmod: lastModified } : {}),
});

/** How many sitemap files `count` addresses need (1 when they fit in /sitemap.xml itself). */
export function sitemapFileCount(count: number, max: number = sitemapMaxUrls()): number {
  return Math.max(1, Math.ceil(count / max));
}

/** The addresses of sitemap file `file` (1-based) of a split sitemap, or null when there is no such file. */
export function sitemapChunk<T>(entries: readonly T[], file: number, max: number = sitemapMaxUrls()): T[] | null {
  const files = sitemapFileCount(entries.length, max);
  if (files === 1 || !Number.isInteger(file) || file < 1 || file > files) return null;
  return entries.slice((file - 1) * max, file * max);
}

export function urlsetXml(entries: readonly SitemapEntry[]): string {
  return document({ urlset: { "@xmlns": NAMESPACE, url: entries.map(located) } });
}

/** The index of a split sitemap: each file's address and the newest change among its addresses. */
export function sitemapIndexXml(
  entries: readonly SitemapEntry[],
  fileUrl: (file: number) => string,
  max: number = sitemapMaxUrls(),
): string {
  const files = Array.from({ length: sitemapFileCount(entries.length, max) }, (_, index) => {
    const chunk = entries.slice(index * max, (index + 1) * max);
    const newest = chunk.reduce<string | null>(
      (latest, entry) => (entry.lastModified && (!latest || entry.lastModified > latest) ? entry.lastModified : latest),
      null,
    );
    return located({ url: fileUrl(index + 1), lastModified: newest });
  });
  return document({ sitemapindex: { "@xmlns": NAMESPACE, sitemap: files } });
}
