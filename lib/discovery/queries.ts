// The index pages' reads: home, the archive, the speakers and the entity pages. They read only the public index
// (lib/publishing/public-index.ts), which holds nothing but what readers can open now, so a transcript that is not
// published can never be listed here. The load… functions are the plain reads (unit-tested against SQLite); the
// get… functions are what pages call: cached and tagged, so publishing, correcting and unpublishing (which expire
// LISTINGS_TAG) reach every list at once.
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import type { EntityType } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LISTINGS_TAG, PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import type { Paged } from "@/lib/publishing/public-queries";
import type { PublicTranscriptListItem } from "@/lib/publishing/types";
import { indexLetter, parseIsoDate, type DateRange } from "@/lib/discovery/params";

export const INDEX_PAGE_SIZE = 20;
/** Speakers per page of /speakers: a long alphabetical list reads better than many short pages. */
export const SPEAKERS_PAGE_SIZE = 150;

const DAY_MS = 86_400_000;

// ─── Shapes ───────────────────────────────────────────────────────────────────────────────────────────────────

/** A key quote in a list: its words, who said them, and where. */
export interface QuoteListItem {
  id: string;
  text: string;
  speakerName: string | null;
  speakerSlug: string | null;
  paragraphNumber: number;
  transcript: { title: string; path: string };
}

export interface SpeakerSummary {
  slug: string;
  name: string;
  /** From their most recent transcript. */
  title: string | null;
  outlet: string | null;
  transcriptCount: number;
}

export interface SpeakerIndexPage extends Paged<SpeakerSummary> {
  /** Every letter used, and the page its first speaker is on. */
  letters: { letter: string; page: number }[];
}

export interface EntitySummary {
  type: EntityType;
  slug: string;
  name: string;
  transcriptCount: number;
  /** A person who also speaks in a published transcript has a speaker page too. */
  speakerSlug: string | null;
}

// ─── Plain reads ─────────────────────────────────────────────────────────────────────────────────────────────

const listingSelect = {
  transcriptId: true,
  slug: true,
  title: true,
  summary: true,
  occurredAt: true,
  place: true,
  publishedAt: true,
  updatedAt: true,
  speakers: true,
  wordCount: true,
  fidelity: true,
} satisfies Prisma.PublicListingSelect;

type ListingRow = Prisma.PublicListingGetPayload<{ select: typeof listingSelect }>;

function speakerNames(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
  } catch {
    return [];
  }
}

function toListItem(row: ListingRow): PublicTranscriptListItem {
  // A republication or correction counts as an update; the first publication itself does not.
  const isUpdated = row.updatedAt.getTime() - row.publishedAt.getTime() > 1000;
  return {
    id: row.transcriptId,
    title: row.title,
    path: `/t/${row.slug}`,
    summary: row.summary,
    occurredAt: row.occurredAt?.toISOString() ?? null,
    place: row.place,
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: isUpdated ? row.updatedAt.toISOString() : null,
    speakers: speakerNames(row.speakers),
    wordCount: row.wordCount,
    fidelity: row.fidelity,
  };
}

function pageCountOf(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Newest event first; transcripts of the same day newest published first. */
const byEventDate: Prisma.PublicListingOrderByWithRelationInput[] = [
  { sortDate: "desc" },
  { publishedAt: "desc" },
  { transcriptId: "asc" },
];

async function pagedListings(where: Prisma.PublicListingWhereInput, page: number) {
  const [total, rows] = await Promise.all([
    db.publicListing.count({ where }),
    db.publicListing.findMany({
      where,
      orderBy: byEventDate,
      skip: (page - 1) * INDEX_PAGE_SIZE,
      take: INDEX_PAGE_SIZE,
      select: listingSelect,
    }),
  ]);
  return { items: rows.map(toListItem), page, pageCount: pageCountOf(total, INDEX_PAGE_SIZE), total };
}

/** The most recently published transcripts, for the home page. */
export async function loadLatestTranscripts(limit: number): Promise<PublicTranscriptListItem[]> {
  const rows = await db.publicListing.findMany({
    orderBy: [{ publishedAt: "desc" }, { transcriptId: "asc" }],
    take: limit,
    select: listingSelect,
  });
  return rows.map(toListItem);
}

/** The archive: every published transcript whose event (or, undated, publication) falls in the range. */
export async function loadArchive(page: number, range: DateRange): Promise<Paged<PublicTranscriptListItem>> {
  const from = range.from ? parseIsoDate(range.from) : null;
  const to = range.to ? parseIsoDate(range.to) : null;
  const sortDate: Prisma.DateTimeFilter = {};
  if (from) sortDate.gte = from;
  // Inclusive of the whole last day.
  if (to) sortDate.lt = new Date(to.getTime() + DAY_MS);
  return pagedListings(from || to ? { sortDate } : {}, page);
}

async function quoteItems(where: Prisma.PublicQuoteEntryWhereInput, take: number): Promise<QuoteListItem[]> {
  const rows = await db.publicQuoteEntry.findMany({
    where,
    orderBy: [{ publishedAt: "desc" }, { transcriptId: "asc" }, { number: "asc" }, { start: "asc" }],
    take,
    select: {
      annotationId: true,
      text: true,
      speakerName: true,
      speakerSlug: true,
      number: true,
      listing: { select: { title: true, slug: true } },
    },
  });
  return rows.map((row) => ({
    id: row.annotationId,
    text: row.text,
    speakerName: row.speakerName,
    speakerSlug: row.speakerSlug,
    paragraphNumber: row.number,
    transcript: { title: row.listing.title, path: `/t/${row.listing.slug}` },
  }));
}

/**
 * The key quotes of the most recently published transcripts, at most `perTranscript` from each, so one heavily
 * annotated press conference does not fill the home page.
 */
export async function loadRecentQuotes(limit: number, perTranscript = 2): Promise<QuoteListItem[]> {
  const candidates = await quoteItems({}, limit * 5);
  const taken = new Map<string, number>();
  const chosen: QuoteListItem[] = [];
  for (const quote of candidates) {
    const count = taken.get(quote.transcript.path) ?? 0;
    if (count >= perTranscript) continue;
    taken.set(quote.transcript.path, count + 1);
    chosen.push(quote);
    if (chosen.length === limit) break;
  }
  return chosen;
}

/** One speaker's key quotes, newest transcript first, in reading order within it. */
export async function loadSpeakerQuotes(slug: string, limit: number): Promise<QuoteListItem[]> {
  return quoteItems({ speakerSlug: slug }, limit);
}

/** Folds a speaker's appearances (newest first) into one summary per speaker. */
async function summariseSpeakers(where: Prisma.PublicAppearanceWhereInput): Promise<Map<string, SpeakerSummary>> {
  const rows = await db.publicAppearance.findMany({
    where,
    orderBy: [{ listing: { sortDate: "desc" } }, { listing: { publishedAt: "desc" } }],
    select: { slug: true, name: true, title: true, outlet: true },
  });
  const speakers = new Map<string, SpeakerSummary>();
  for (const row of rows) {
    const known = speakers.get(row.slug);
    if (known) {
      known.transcriptCount += 1;
      // The latest title wins; an older one fills a gap.
      known.title ??= row.title;
      known.outlet ??= row.outlet;
    } else {
      speakers.set(row.slug, { ...row, transcriptCount: 1 });
    }
  }
  return speakers;
}

/** The speakers in the most published transcripts, for the home page's strip. */
export async function loadFrequentSpeakers(limit: number): Promise<SpeakerSummary[]> {
  const top = await db.publicAppearance.groupBy({
    by: ["slug"],
    _count: { slug: true },
    orderBy: [{ _count: { slug: "desc" } }, { slug: "asc" }],
    take: limit,
  });
  const summaries = await summariseSpeakers({ slug: { in: top.map((row) => row.slug) } });
  return top.flatMap((row) => summaries.get(row.slug) ?? []);
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Every named speaker with published words, alphabetical, with the letter index across pages. */
export async function loadSpeakerIndex(page: number): Promise<SpeakerIndexPage> {
  const all = [...(await summariseSpeakers({})).values()].sort(
    (a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug),
  );
  const letters: { letter: string; page: number }[] = [];
  all.forEach((speaker, index) => {
    const letter = indexLetter(speaker.name);
    if (!letters.some((entry) => entry.letter === letter))
      letters.push({ letter, page: Math.floor(index / SPEAKERS_PAGE_SIZE) + 1 });
  });
  return {
    items: all.slice((page - 1) * SPEAKERS_PAGE_SIZE, page * SPEAKERS_PAGE_SIZE),
    page,
    pageCount: pageCountOf(all.length, SPEAKERS_PAGE_SIZE),
    total: all.length,
    letters,
  };
}

/** A speaker with published words, or null (their page is a 404). */
export async function loadSpeaker(slug: string): Promise<SpeakerSummary | null> {
  return (await summariseSpeakers({ slug })).get(slug) ?? null;
}

/** The published transcripts a speaker speaks in, newest event first. */
export async function loadSpeakerTranscripts(slug: string, page: number): Promise<Paged<PublicTranscriptListItem>> {
  return pagedListings({ appearances: { some: { slug } } }, page);
}

/** An accepted entity of at least one published transcript, or null (its page is a 404). */
export async function loadEntity(type: EntityType, slug: string): Promise<EntitySummary | null> {
  const rows = await db.publicTopic.findMany({
    where: { type, slug },
    orderBy: [{ listing: { sortDate: "desc" } }],
    select: { name: true },
  });
  const latest = rows[0];
  if (!latest) return null;
  const speaks =
    type === "PERSON" ? await db.publicAppearance.findFirst({ where: { slug }, select: { slug: true } }) : null;
  return { type, slug, name: latest.name, transcriptCount: rows.length, speakerSlug: speaks?.slug ?? null };
}

/** The published transcripts an entity was accepted for, newest event first. */
export async function loadEntityTranscripts(
  type: EntityType,
  slug: string,
  page: number,
): Promise<Paged<PublicTranscriptListItem>> {
  return pagedListings({ topics: { some: { type, slug } } }, page);
}

// ─── Cached reads for the pages ───────────────────────────────────────────────────────────────────────────────

/**
 * `next build` prerenders the static index pages, and the database may not exist yet (a fresh clone in CI). The
 * empty lists it bakes in carry the same tags, and the server expires every public tag when it starts.
 */
function isBuilding(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

const TAGS = { tags: [PUBLIC_TAG, LISTINGS_TAG] };

function emptyPage<T>(): Paged<T> {
  return { items: [], page: 1, pageCount: 1, total: 0 };
}

export function getLatestTranscripts(limit: number): Promise<PublicTranscriptListItem[]> {
  const load = (limit: number) => (isBuilding() ? Promise.resolve([]) : loadLatestTranscripts(limit));
  return unstable_cache(load, ["discovery-latest", String(limit)], TAGS)(limit);
}

export function getRecentQuotes(limit: number): Promise<QuoteListItem[]> {
  const load = (limit: number) => (isBuilding() ? Promise.resolve([]) : loadRecentQuotes(limit));
  return unstable_cache(load, ["discovery-recent-quotes", String(limit)], TAGS)(limit);
}

export function getFrequentSpeakers(limit: number): Promise<SpeakerSummary[]> {
  const load = (limit: number) => (isBuilding() ? Promise.resolve([]) : loadFrequentSpeakers(limit));
  return unstable_cache(load, ["discovery-frequent-speakers", String(limit)], TAGS)(limit);
}

export function getArchive(page: number, range: DateRange): Promise<Paged<PublicTranscriptListItem>> {
  const load = (page: number, from: string, to: string) =>
    isBuilding()
      ? Promise.resolve(emptyPage<PublicTranscriptListItem>())
      : loadArchive(page, { from: from || null, to: to || null });
  const from = range.from ?? "";
  const to = range.to ?? "";
  return unstable_cache(load, ["discovery-archive", String(page), from, to], TAGS)(page, from, to);
}

export function getSpeakerIndex(page: number): Promise<SpeakerIndexPage> {
  const load = (page: number) =>
    isBuilding()
      ? Promise.resolve({ ...emptyPage<SpeakerSummary>(), letters: [] } satisfies SpeakerIndexPage)
      : loadSpeakerIndex(page);
  return unstable_cache(load, ["discovery-speaker-index", String(page)], TAGS)(page);
}

export function getSpeaker(slug: string): Promise<SpeakerSummary | null> {
  return unstable_cache(loadSpeaker, ["discovery-speaker", slug], TAGS)(slug);
}

export function getSpeakerTranscripts(slug: string, page: number): Promise<Paged<PublicTranscriptListItem>> {
  return unstable_cache(
    loadSpeakerTranscripts,
    ["discovery-speaker-transcripts", slug, String(page)],
    TAGS,
  )(slug, page);
}

export function getSpeakerQuotes(slug: string, limit: number): Promise<QuoteListItem[]> {
  return unstable_cache(loadSpeakerQuotes, ["discovery-speaker-quotes", slug, String(limit)], TAGS)(slug, limit);
}

export function getEntity(type: EntityType, slug: string): Promise<EntitySummary | null> {
  return unstable_cache(loadEntity, ["discovery-entity", type, slug], TAGS)(type, slug);
}

export function getEntityTranscripts(
  type: EntityType,
  slug: string,
  page: number,
): Promise<Paged<PublicTranscriptListItem>> {
  return unstable_cache(loadEntityTranscripts, ["discovery-entity-transcripts", type, slug, String(page)], TAGS)(
    type,
    slug,
    page,
  );
}
