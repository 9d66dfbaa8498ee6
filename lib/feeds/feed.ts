// RSS 2.0 and Atom 1.0 documents for a list of published transcripts. Plain TypeScript with no database or Next.js
// in it: lib/feeds/queries.ts finds the entries, the route handlers only answer with what this returns.
import { Feed, type Item } from "feed";
import { formatPublicDate } from "@/lib/publishing/labels";

export type FeedFormat = "rss" | "atom";

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

/** One published transcript as a feed shows it. */
export interface FeedEntry {
  transcriptId: string;
  title: string;
  /** The reading page, `/t/<slug>`. */
  path: string;
  summary: string | null;
  occurredAt: Date | null;
  place: string | null;
  speakers: string[];
  /** Names of its accepted topics, people, organisations and places, most mentioned first. */
  categories: string[];
  /** The first publication: a feed reader's "new item" date, never moved by a correction. */
  publishedAt: Date;
  /** The latest publication or correction: moves when the public text changes, so readers see the update. */
  updatedAt: Date;
  correctionCount: number;
  /**
   * The byline's authors readers may see, in its order, each with their author page (`/authors/<slug>`); empty when
   * nobody is named, and then the newsroom is the entry's author.
   */
  authors: { name: string; path: string }[];
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page the feed mirrors: `/`, `/speakers/<slug>`, `/topics/<slug>`. */
  pagePath: string;
  /** This feed's own addresses, for the self links. */
  feedPaths: Record<FeedFormat, string>;
  /** The newsroom: the feed's author, and an entry's when its byline names nobody. */
  siteName: string;
  /** The public origin, without a trailing slash. */
  siteUrl: string;
}

/**
 * The transcript's feed id: its database id, which survives a new slug, a new title and a move of the site to
 * another address, so a feed reader never shows the same transcript twice.
 */
export function entryGuid(transcriptId: string): string {
  return `urn:verbatim:transcript:${transcriptId}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function dateOnly(date: Date): string {
  return formatPublicDate(date.toISOString()) ?? date.toISOString().slice(0, 10);
}

/** The facts under a transcript's title, as plain-text lines: when and where, who spoke, whether it was corrected. */
export function entryFacts(entry: FeedEntry): string[] {
  const facts: string[] = [];
  const when = [entry.occurredAt ? dateOnly(entry.occurredAt) : null, entry.place].filter(Boolean).join(", ");
  if (when) facts.push(when);
  if (entry.speakers.length > 0) facts.push(`Speakers: ${entry.speakers.join(", ")}`);
  if (entry.correctionCount > 0) {
    const times = entry.correctionCount === 1 ? "once" : `${entry.correctionCount} times`;
    facts.push(`Corrected ${times}, last on ${dateOnly(entry.updatedAt)}`);
  }
  return facts;
}

/** The entry's description as HTML, which is what both RSS descriptions and Atom `type="html"` summaries hold. */
export function entryDescriptionHtml(entry: FeedEntry): string {
  const paragraphs = [entry.summary?.trim(), ...entryFacts(entry)].filter((text): text is string => Boolean(text));
  return paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("");
}

function absolute(siteUrl: string, path: string): string {
  return `${siteUrl}${path}`;
}

/** Atom's newest `updated`, RSS's lastBuildDate: the newest entry's, so the feed changes only when an entry does. */
export function feedUpdatedAt(entries: readonly FeedEntry[], fallback: Date): Date {
  return (
    entries.reduce<Date | null>(
      (newest, entry) => (newest && newest >= entry.updatedAt ? newest : entry.updatedAt),
      null,
    ) ?? fallback
  );
}

/**
 * Renders the feed. `emptyUpdatedAt` dates a feed with no entries (the site's before its first publication).
 * Entries keep the order given: newest publication first.
 */
export function renderFeed(
  format: FeedFormat,
  channel: FeedChannel,
  entries: readonly FeedEntry[],
  emptyUpdatedAt = new Date(),
): string {
  const feedUrls = {
    rss: absolute(channel.siteUrl, channel.feedPaths.rss),
    atom: absolute(channel.siteUrl, channel.feedPaths.atom),
  };
  const pageUrl = absolute(channel.siteUrl, channel.pagePath);
  const author = { name: channel.siteName, link: absolute(channel.siteUrl, "/") };
  const feed = new Feed({
    // Atom's feed id must differ between the site's, a speaker's and a topic's feeds: the feed's own address.
    id: feedUrls.atom,
    title: channel.title,
    description: channel.description,
    link: pageUrl,
    // Only this format's self link: the feed library writes the Atom one into RSS as well otherwise.
    feedLinks: format === "rss" ? { rss: feedUrls.rss } : { atom: feedUrls.atom },
    updated: feedUpdatedAt(entries, emptyUpdatedAt),
    author,
    language: "en",
    generator: false,
  });
  for (const entry of entries) feed.addItem(feedItem(format, channel, entry));
  return format === "rss" ? feed.rss2() : feed.atom1();
}

/** The people the reading page's byline names as its authors, or the newsroom when it names nobody. */
function entryAuthors(channel: FeedChannel, entry: FeedEntry): { name: string; link: string }[] {
  if (entry.authors.length === 0) return [{ name: channel.siteName, link: absolute(channel.siteUrl, "/") }];
  return entry.authors.map((author) => ({ name: author.name, link: absolute(channel.siteUrl, author.path) }));
}

function feedItem(format: FeedFormat, channel: FeedChannel, entry: FeedEntry): Item {
  const description = entryDescriptionHtml(entry);
  const common = {
    id: entryGuid(entry.transcriptId),
    guid: entryGuid(entry.transcriptId),
    link: absolute(channel.siteUrl, entry.path),
    published: entry.publishedAt,
    date: entry.updatedAt,
    description,
  };
  if (format === "atom") {
    return {
      ...common,
      // Atom titles go out as type="html": markup-like text must arrive as text.
      title: escapeHtml(entry.title),
      author: entryAuthors(channel, entry),
      // The library leaves "<" unescaped in attribute values (an XML error); names never need it.
      category: entry.categories.map((name) => ({ term: name.replace(/</g, ""), label: name.replace(/</g, "") })),
    };
  }
  return {
    ...common,
    // RSS titles are plain text.
    title: entry.title,
    category: entry.categories.map((name) => ({ name })),
    // RSS's own <author> must be an e-mail address: the newsroom's name goes in dc:creator. A content:encoded body
    // (the description again, with a link) is what makes the library declare the dc namespace.
    content: `${description}<p><a href="${escapeHtml(absolute(channel.siteUrl, entry.path))}">Read the transcript</a></p>`,
    extensions: [
      {
        name: "dc:creator",
        objects: {
          _text: entryAuthors(channel, entry)
            .map((author) => author.name)
            .join(", "),
        },
      },
      // RSS has no "updated": feed readers that understand Atom's (feedparser, Thunderbird) show the correction.
      { name: "atom:updated", objects: { _text: entry.updatedAt.toISOString() } },
    ],
  };
}
