// The feeds and the sitemap as Next caches them: built once, kept until publishing, correcting or unpublishing
// expires the public tags (lib/publishing/cache.ts), the same way the home page is.
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { LISTINGS_TAG, PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import { getSiteName, getSiteUrl } from "@/lib/site";
import { renderFeed, type FeedChannel, type FeedFormat } from "./feed";
import { feedPaths } from "./links";
import { loadFeedSource, loadSitemapPages, type FeedScope, type FeedSource } from "./queries";

export interface FeedDocument {
  xml: string;
  /** A strong validator for conditional requests: feed readers poll, and most polls find nothing new. */
  etag: string;
}

/** `next build` may run without a database (a fresh clone in CI): it gets empty lists, expired when the server starts. */
function isBuilding(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

function feedChannel(scope: FeedScope, source: FeedSource): FeedChannel {
  const siteName = getSiteName();
  const common = { siteName, siteUrl: getSiteUrl(), feedPaths: feedPaths(scope) };
  if (scope.kind === "site" || source.name === null)
    return {
      ...common,
      title: siteName,
      description: `The latest transcripts published by ${siteName}.`,
      pagePath: "/",
    };
  if (scope.kind === "speaker")
    return {
      ...common,
      title: `${source.name} · ${siteName}`,
      description: `The latest transcripts in which ${source.name} speaks, published by ${siteName}.`,
      pagePath: `/speakers/${scope.slug}`,
    };
  if (scope.kind === "author")
    return {
      ...common,
      title: `${source.name} · ${siteName}`,
      description: `The latest transcripts ${source.name} worked on, published by ${siteName}.`,
      pagePath: `/authors/${scope.slug}`,
    };
  return {
    ...common,
    title: `${source.name} · ${siteName}`,
    description: `The latest transcripts about ${source.name}, published by ${siteName}.`,
    pagePath: `/topics/${scope.slug}`,
  };
}

async function buildFeedDocument(scope: FeedScope, format: FeedFormat): Promise<FeedDocument | null> {
  const source = isBuilding()
    ? scope.kind === "site"
      ? { name: null, entries: [] }
      : null
    : await loadFeedSource(scope);
  if (!source) return null;
  const xml = renderFeed(format, feedChannel(scope, source), source.entries);
  return { xml, etag: `"${createHash("sha256").update(xml).digest("base64url").slice(0, 32)}"` };
}

/** The feed's XML, or null when the speaker or topic has no published transcript. */
export function getFeedDocument(scope: FeedScope, format: FeedFormat): Promise<FeedDocument | null> {
  const slug = scope.kind === "site" ? "" : scope.slug;
  return unstable_cache(buildFeedDocument, ["feed", scope.kind, slug, format], {
    tags: [PUBLIC_TAG, LISTINGS_TAG],
  })(scope, format);
}

export interface CachedSitemapPage {
  path: string;
  /** ISO date: the cache keeps JSON. */
  lastModified: string | null;
}

async function buildSitemapPages(): Promise<CachedSitemapPage[]> {
  const pages = isBuilding() ? [] : await loadSitemapPages();
  return pages.map((page) => ({ path: page.path, lastModified: page.lastModified?.toISOString() ?? null }));
}

export function getSitemapPages(): Promise<CachedSitemapPage[]> {
  return unstable_cache(buildSitemapPages, ["sitemap"], { tags: [PUBLIC_TAG, LISTINGS_TAG] })();
}
