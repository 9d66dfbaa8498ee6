import type { MetadataRoute } from "next";
import { getSitemapPages } from "@/lib/feeds/cached";
import { absoluteUrl } from "@/lib/site";

// Built per request from the tagged cache (lib/feeds/cached.ts): publishing expires it, and the site's address is
// read when the server runs, not when it was built.
export const dynamic = "force-dynamic";

/** Every published transcript, speaker, entity and key quote page, with when each last changed. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const pages = await getSitemapPages();
  return pages.map((page) => ({
    url: absoluteUrl(page.path),
    ...(page.lastModified ? { lastModified: page.lastModified } : {}),
  }));
}
