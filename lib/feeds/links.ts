// Feed autodiscovery: the `<link rel="alternate">` entries a page's metadata carries (`alternates.types`), so a
// browser or feed reader given the page's address finds its feeds.
import type { FeedScope } from "./queries";

export interface FeedLink {
  url: string;
  title: string;
}

export type FeedAlternateTypes = Record<"application/rss+xml" | "application/atom+xml", FeedLink[]>;

const FEED_FOLDERS = { speaker: "speakers", topic: "topics", author: "authors" } as const;

export function feedPaths(scope: FeedScope): { rss: string; atom: string } {
  const base = scope.kind === "site" ? "" : `/${FEED_FOLDERS[scope.kind]}/${scope.slug}`;
  return { rss: `${base}/feed.xml`, atom: `${base}/atom.xml` };
}

/**
 * The feed links for `alternates.types`. Next replaces a layout's `alternates` wholesale when a page sets its own
 * (a canonical link, say), so such a page spreads these in again:
 * `alternates: { canonical, types: feedAlternateTypes([{ scope: { kind: "site" }, title: siteName }]) }`.
 * The site's feeds first, then the page's own (a speaker's, a topic's, an author's).
 */
export function feedAlternateTypes(feeds: readonly { scope: FeedScope; title: string }[]): FeedAlternateTypes {
  const types: FeedAlternateTypes = { "application/rss+xml": [], "application/atom+xml": [] };
  for (const { scope, title } of feeds) {
    const paths = feedPaths(scope);
    types["application/rss+xml"].push({ url: paths.rss, title: `${title} (RSS)` });
    types["application/atom+xml"].push({ url: paths.atom, title: `${title} (Atom)` });
  }
  return types;
}

/** The site-wide feeds' links, which every public page carries. */
export function siteFeedAlternateTypes(siteName: string): FeedAlternateTypes {
  return feedAlternateTypes([{ scope: { kind: "site" }, title: siteName }]);
}
