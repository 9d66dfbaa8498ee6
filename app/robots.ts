import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site";

// The sitemap's address depends on SITE_URL, which is read when the server runs, not when it was built.
export const dynamic = "force-dynamic";

/**
 * Crawlers may read the public pages. Not for them: the desk, the admin area and the account links; the API (the
 * public read API and oEmbed repeat what the pages say, as JSON); /embed/ (framable copies of pages that are
 * already indexed); /search, whose endless combinations of queries and filters are a crawl trap; and /preview/, the
 * working copies shared by preview links (lib/preview-links), which also answer noindex.
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: [
        "/desk",
        "/admin",
        "/api/",
        "/embed/",
        "/search",
        "/signin",
        "/setup",
        "/invite",
        "/reset-password",
        "/preview/",
      ],
    },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
