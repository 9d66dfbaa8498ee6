// What the feeds and the sitemap list, read only from the public index (lib/publishing/public-index.ts): rows that
// exist for published transcripts alone, rewritten in the transaction that publishes, corrects or unpublishes.
import { z } from "zod";
import { db } from "@/lib/db";
import type { EntityType, Prisma } from "@/lib/generated/prisma/client";
import { readJson } from "@/lib/json-columns";
import { authorPath, creditedUserSelect, isPubliclyCredited } from "@/lib/publishing/credits";
import type { FeedEntry } from "./feed";

/** The newest transcripts a feed carries: enough for a reader who checks weekly, small enough to fetch often. */
export const FEED_LIMIT = 50;

export type FeedScope =
  | { kind: "site" }
  | { kind: "speaker"; slug: string }
  | { kind: "topic"; slug: string }
  | { kind: "author"; slug: string };

export interface FeedSource {
  /** The speaker's, topic's or author's name; null for the site's feed. */
  name: string | null;
  entries: FeedEntry[];
}

/** The public address of each kind of entity's page. */
export const ENTITY_PATH_PREFIX: Record<EntityType, string> = {
  TOPIC: "/topics",
  PERSON: "/people",
  ORG: "/organisations",
  PLACE: "/places",
};

/**
 * Slugs are made by `nameSlug` (letters, digits and hyphens, at most 80 characters): anything else cannot name a
 * speaker or topic, and is turned away before it reaches the database or the cache.
 */
export function isPlausibleSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 80 && /^[\p{L}\p{N}\p{M}-]+$/u.test(slug);
}

const speakersSchema = z.array(z.string());

const entrySelect = {
  transcriptId: true,
  slug: true,
  title: true,
  summary: true,
  occurredAt: true,
  place: true,
  publishedAt: true,
  updatedAt: true,
  speakers: true,
  topics: { select: { name: true, mentionCount: true }, orderBy: [{ mentionCount: "desc" }, { name: "asc" }] },
  credits: { where: { role: "AUTHOR" }, orderBy: { position: "asc" }, select: { userId: true } },
} satisfies Prisma.PublicListingSelect;

async function loadEntries(where: Prisma.PublicListingWhereInput): Promise<FeedEntry[]> {
  const listings = await db.publicListing.findMany({
    where,
    orderBy: [{ publishedAt: "desc" }, { transcriptId: "asc" }],
    take: FEED_LIMIT,
    select: entrySelect,
  });
  const corrections = await db.correction.groupBy({
    by: ["transcriptId"],
    where: { transcriptId: { in: listings.map((listing) => listing.transcriptId) } },
    _count: { _all: true },
  });
  const correctionCounts = new Map(corrections.map((row) => [row.transcriptId, row._count._all]));
  // Names, slugs and opt-outs are read now, as the reading page's byline reads them (lib/publishing/credits.ts).
  const credited = await db.user.findMany({
    where: { id: { in: [...new Set(listings.flatMap((listing) => listing.credits.map((credit) => credit.userId)))] } },
    select: creditedUserSelect,
  });
  const people = new Map(
    credited
      .filter((user) => isPubliclyCredited(user) && user.authorSlug)
      .map((user) => [user.id, { name: user.name, path: authorPath(user.authorSlug!) }]),
  );
  return listings.map((listing) => ({
    transcriptId: listing.transcriptId,
    title: listing.title,
    path: `/t/${listing.slug}`,
    summary: listing.summary,
    occurredAt: listing.occurredAt,
    place: listing.place,
    speakers: readJson(speakersSchema, listing.speakers, []),
    categories: [...new Set(listing.topics.map((topic) => topic.name))],
    publishedAt: listing.publishedAt,
    updatedAt: listing.updatedAt,
    correctionCount: correctionCounts.get(listing.transcriptId) ?? 0,
    authors: listing.credits.flatMap((credit) => people.get(credit.userId) ?? []),
  }));
}

/** The feed's name and entries, or null for a speaker or topic with no published transcript (a 404). */
export async function loadFeedSource(scope: FeedScope): Promise<FeedSource | null> {
  if (scope.kind === "site") return { name: null, entries: await loadEntries({}) };
  if (!isPlausibleSlug(scope.slug)) return null;
  if (scope.kind === "speaker") {
    // The name as the most recent transcript spells it.
    const appearance = await db.publicAppearance.findFirst({
      where: { slug: scope.slug },
      orderBy: { listing: { publishedAt: "desc" } },
      select: { name: true },
    });
    if (!appearance) return null;
    return { name: appearance.name, entries: await loadEntries({ appearances: { some: { slug: scope.slug } } }) };
  }
  if (scope.kind === "author") {
    // Someone who asked not to be credited, or whose account is deactivated, has no feed (nor page).
    const user = await db.user.findUnique({
      where: { authorSlug: scope.slug },
      select: { id: true, name: true, active: true, creditOptOut: true },
    });
    if (!user || !isPubliclyCredited(user)) return null;
    const entries = await loadEntries({ credits: { some: { userId: user.id } } });
    return entries.length > 0 ? { name: user.name.trim(), entries } : null;
  }
  const topic = await db.publicTopic.findFirst({
    where: { type: "TOPIC", slug: scope.slug },
    orderBy: { listing: { publishedAt: "desc" } },
    select: { name: true },
  });
  if (!topic) return null;
  return { name: topic.name, entries: await loadEntries({ topics: { some: { type: "TOPIC", slug: scope.slug } } }) };
}

/** The author pages readers may open (credited, named, not opted out), as new as their newest transcript. */
async function authorPages(credits: { userId: string; listing: { updatedAt: Date } }[]): Promise<Map<string, Date>> {
  const byUser = new Map<string, Date>();
  for (const credit of credits) newest(byUser, credit.userId, credit.listing.updatedAt);
  const users = await db.user.findMany({
    where: { id: { in: [...byUser.keys()] }, authorSlug: { not: null } },
    select: { id: true, name: true, authorSlug: true, active: true, creditOptOut: true },
  });
  return new Map(
    users.filter(isPubliclyCredited).map((user) => [`/authors/${user.authorSlug}`, byUser.get(user.id)!] as const),
  );
}

export interface SitemapPage {
  path: string;
  /** Null for a list page while nothing is published yet. */
  lastModified: Date | null;
}

function newest(pages: Map<string, Date>, path: string, date: Date): void {
  const known = pages.get(path);
  if (!known || known < date) pages.set(path, date);
}

/**
 * Every public page that shows published transcripts, with when it last changed: the reading pages, the speaker,
 * entity and author pages (as new as their newest transcript), the key quotes and the lists.
 */
export async function loadSitemapPages(): Promise<SitemapPage[]> {
  const [listings, appearances, topics, quotes, latestCorrection, credits] = await Promise.all([
    db.publicListing.findMany({
      orderBy: [{ publishedAt: "desc" }, { transcriptId: "asc" }],
      select: { slug: true, updatedAt: true },
    }),
    db.publicAppearance.findMany({ select: { slug: true, listing: { select: { updatedAt: true } } } }),
    db.publicTopic.findMany({ select: { type: true, slug: true, listing: { select: { updatedAt: true } } } }),
    db.publicQuoteEntry.findMany({
      orderBy: { publishedAt: "desc" },
      select: { annotationId: true, listing: { select: { updatedAt: true } } },
    }),
    db.correction.findFirst({
      where: { transcript: { listing: { isNot: null } } },
      orderBy: { at: "desc" },
      select: { at: true },
    }),
    db.publicCredit.findMany({ select: { userId: true, listing: { select: { updatedAt: true } } } }),
  ]);
  const newestUpdate = listings.reduce<Date | null>(
    (latest, listing) => (latest && latest >= listing.updatedAt ? latest : listing.updatedAt),
    null,
  );
  const lists: SitemapPage[] = [
    { path: "/", lastModified: newestUpdate },
    { path: "/transcripts", lastModified: newestUpdate },
    { path: "/speakers", lastModified: newestUpdate },
    { path: "/corrections", lastModified: latestCorrection?.at ?? newestUpdate },
  ];
  const groups = new Map<string, Date>();
  for (const appearance of appearances) newest(groups, `/speakers/${appearance.slug}`, appearance.listing.updatedAt);
  for (const topic of topics)
    newest(groups, `${ENTITY_PATH_PREFIX[topic.type]}/${topic.slug}`, topic.listing.updatedAt);
  for (const [path, lastModified] of await authorPages(credits)) newest(groups, path, lastModified);
  return [
    ...lists,
    ...listings.map((listing) => ({ path: `/t/${listing.slug}`, lastModified: listing.updatedAt })),
    ...[...groups].map(([path, lastModified]) => ({ path, lastModified })),
    ...quotes.map((quote) => ({ path: `/q/${quote.annotationId}`, lastModified: quote.listing.updatedAt })),
  ];
}
