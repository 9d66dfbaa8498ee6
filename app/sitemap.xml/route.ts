// GET /sitemap.xml: every published transcript, speaker, entity and key quote page, with when each last changed, as
// one <urlset>; past 50,000 addresses, a <sitemapindex> of /sitemaps/<n>.xml (lib/feeds/sitemap.ts). Built per
// request from the tagged cache (lib/feeds/cached.ts): publishing expires it, and the site's address is read when
// the server runs, not when it was built.
import { getSitemapPages } from "@/lib/feeds/cached";
import { sitemapFileCount, sitemapIndexXml, urlsetXml } from "@/lib/feeds/sitemap";
import { sitemapEntries, xmlResponse } from "@/lib/feeds/sitemap-routes";
import { absoluteUrl } from "@/lib/site";

export const dynamic = "force-dynamic";

export async function GET() {
  const entries = sitemapEntries(await getSitemapPages());
  return xmlResponse(
    sitemapFileCount(entries.length) === 1
      ? urlsetXml(entries)
      : sitemapIndexXml(entries, (file) => absoluteUrl(`/sitemaps/${file}.xml`)),
  );
}
