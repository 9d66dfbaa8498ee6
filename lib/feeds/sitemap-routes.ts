// What the sitemap routes (app/sitemap.xml, app/sitemaps/[file]) share: the cached pages as absolute entries, and
// the XML answer.
import type { CachedSitemapPage } from "@/lib/feeds/cached";
import type { SitemapEntry } from "@/lib/feeds/sitemap";
import { absoluteUrl } from "@/lib/site";

export function sitemapEntries(pages: readonly CachedSitemapPage[]): SitemapEntry[] {
  return pages.map((page) => ({ url: absoluteUrl(page.path), lastModified: page.lastModified }));
}

export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
