// GET /sitemaps/<n>.xml: the n-th file of a sitemap split past 50,000 addresses (named by /sitemap.xml's index);
// a 404 while the whole sitemap fits in /sitemap.xml, and for a file past the last.
import { getSitemapPages } from "@/lib/feeds/cached";
import { sitemapChunk, urlsetXml } from "@/lib/feeds/sitemap";
import { sitemapEntries, xmlResponse } from "@/lib/feeds/sitemap-routes";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: RouteContext<"/sitemaps/[file]">) {
  const found = /^([1-9]\d{0,5})\.xml$/.exec((await params).file);
  const chunk = found ? sitemapChunk(sitemapEntries(await getSitemapPages()), Number(found[1])) : null;
  if (!chunk) {
    return new Response("No such sitemap file.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return xmlResponse(urlsetXml(chunk));
}
