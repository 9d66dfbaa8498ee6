// Everything a reader can reach, read only from published snapshots: a transcript that is not published (draft,
// in review, scheduled but not yet due, unpublished, deleted) is null here, and so 404 on every public page.
// The get… functions are cached and tagged (lib/publishing/cache.ts); the load… functions are the uncached reads.
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { LISTINGS_TAG, PUBLIC_TAG, quoteTag, slugTag, transcriptTag } from "@/lib/publishing/cache-tags";
import { loadFidelityCheckerName, loadPublicByline, type PublicByline } from "@/lib/publishing/credits";
import { partOfParagraph, partPath, partStarts } from "@/lib/publishing/parts";
import { readSnapshot } from "@/lib/publishing/snapshot";
import type {
  PublicCorrection,
  PublicCorrectionListItem,
  PublicQuote,
  PublicTranscript,
  PublicTranscriptListItem,
  PublishedSnapshot,
} from "@/lib/publishing/types";

export const PUBLIC_PAGE_SIZE = 20;

const publicWhere = { status: "PUBLISHED", deletedAt: null, publicSlug: { not: null } } as const;

/** The publication readers see now: the latest one that is due and not withdrawn. */
async function currentPublication(transcriptId: string, now = new Date()) {
  return db.publication.findFirst({
    where: { transcriptId, withdrawnAt: null, publishedAt: { lte: now } },
    orderBy: { number: "desc" },
    select: { number: true, content: true, publishedAt: true },
  });
}

function updatedAfter(firstPublishedAt: Date, latest: Date): string | null {
  // A republication or correction; the first publication itself is not an update.
  return latest.getTime() - firstPublishedAt.getTime() > 1000 ? latest.toISOString() : null;
}

async function loadById(transcriptId: string): Promise<PublicTranscript | null> {
  const transcript = await db.transcript.findFirst({
    where: { id: transcriptId, ...publicWhere },
    select: { id: true, publicSlug: true, firstPublishedAt: true },
  });
  if (!transcript?.publicSlug || !transcript.firstPublishedAt) return null;
  const publication = await currentPublication(transcript.id);
  if (!publication) return null;
  const corrections = await db.correction.findMany({
    where: { transcriptId: transcript.id, publicationNumber: { lte: publication.number } },
    orderBy: { at: "asc" },
    select: { id: true, segmentId: true, before: true, after: true, reason: true, at: true },
  });
  const published = readSnapshot(publication.content);
  // Bylines: "checked by …" names the checker as they are now, or nobody if they asked not to be credited.
  const snapshot = { ...published, fidelityCheckedBy: await loadFidelityCheckerName(published) };
  const publicCorrections = corrections.map((correction): PublicCorrection => ({
    ...correction,
    at: correction.at.toISOString(),
  }));
  return {
    ...snapshot,
    id: transcript.id,
    slug: transcript.publicSlug,
    path: `/t/${transcript.publicSlug}`,
    publishedAt: transcript.firstPublishedAt.toISOString(),
    updatedAt: updatedAfter(transcript.firstPublishedAt, publication.publishedAt),
    corrections: publicCorrections,
    partStarts: partStarts({ ...snapshot, corrections: publicCorrections }),
  };
}

export async function loadPublicTranscript(slug: string): Promise<PublicTranscript | null> {
  const transcript = await db.transcript.findFirst({
    where: { ...publicWhere, publicSlug: slug },
    select: { id: true },
  });
  return transcript ? loadById(transcript.id) : null;
}

export async function loadPublicQuote(id: string): Promise<PublicQuote | null> {
  const annotation = await db.annotation.findFirst({
    where: { id, kind: "QUOTE" },
    select: { transcriptId: true },
  });
  if (!annotation) return null;
  const transcript = await loadById(annotation.transcriptId);
  const quote = transcript?.annotations.find((candidate) => candidate.id === id && candidate.kind === "QUOTE");
  if (!transcript || !quote) return null;
  const index = transcript.segments.findIndex((segment) => segment.id === quote.segmentId);
  const segment = transcript.segments[index];
  if (!segment) return null;
  const isChanged = !quote.anchored || quote.exact !== quote.publishedExact;
  const correction = [...transcript.corrections].reverse().find((candidate) => candidate.segmentId === segment.id);
  return {
    id,
    transcript: {
      id: transcript.id,
      path: transcript.path,
      title: transcript.title,
      occurredAt: transcript.occurredAt,
      place: transcript.place,
      publishedAt: transcript.publishedAt,
      fidelity: transcript.fidelity,
      fidelityCheckedBy: transcript.fidelityCheckedBy,
    },
    speaker: transcript.speakers.find((speaker) => speaker.id === segment.speakerId) ?? null,
    segmentId: segment.id,
    paragraphNumber: index + 1,
    paragraphPath: partPath(
      transcript.path,
      partOfParagraph(transcript.partStarts, transcript.segments.length, index + 1) ?? 1,
    ),
    startMs: segment.startMs,
    text: quote.anchored ? quote.exact : quote.publishedExact,
    changedByCorrection: isChanged
      ? {
          originalText: quote.publishedExact,
          at: correction?.at ?? transcript.updatedAt ?? transcript.publishedAt,
          reason: correction?.reason ?? "The passage was revised when the transcript was republished.",
        }
      : null,
    body: quote.body,
  };
}

function listItem(transcript: PublicTranscript): PublicTranscriptListItem {
  return {
    id: transcript.id,
    title: transcript.title,
    path: transcript.path,
    summary: transcript.summary,
    occurredAt: transcript.occurredAt,
    place: transcript.place,
    publishedAt: transcript.publishedAt,
    updatedAt: transcript.updatedAt,
    speakers: transcript.speakers.map((speaker) => speaker.name),
    wordCount: transcript.wordCount,
    fidelity: transcript.fidelity,
  };
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export async function loadPublicTranscripts(page: number): Promise<Paged<PublicTranscriptListItem>> {
  const total = await db.transcript.count({ where: publicWhere });
  const rows = await db.transcript.findMany({
    where: publicWhere,
    orderBy: [{ firstPublishedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * PUBLIC_PAGE_SIZE,
    take: PUBLIC_PAGE_SIZE,
    select: { id: true },
  });
  const items = (await Promise.all(rows.map((row) => loadById(row.id)))).filter((item) => item !== null);
  return { items: items.map(listItem), page, pageCount: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)), total };
}

export async function loadPublicCorrections(page: number): Promise<Paged<PublicCorrectionListItem>> {
  const where = { transcript: publicWhere };
  const total = await db.correction.count({ where });
  const rows = await db.correction.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "asc" }],
    skip: (page - 1) * PUBLIC_PAGE_SIZE,
    take: PUBLIC_PAGE_SIZE,
    select: { id: true, transcriptId: true },
  });
  const transcripts = new Map<string, PublicTranscript | null>();
  const items: PublicCorrectionListItem[] = [];
  for (const row of rows) {
    if (!transcripts.has(row.transcriptId)) transcripts.set(row.transcriptId, await loadById(row.transcriptId));
    const transcript = transcripts.get(row.transcriptId);
    const correction = transcript?.corrections.find((candidate) => candidate.id === row.id);
    if (transcript && correction)
      items.push({ ...correction, transcript: { title: transcript.title, path: transcript.path } });
  }
  return { items, page, pageCount: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)), total };
}

export interface PublicChanges {
  transcript: PublicTranscript;
  first: PublishedSnapshot & { publishedAt: string };
}

export async function loadPublicChanges(slug: string): Promise<PublicChanges | null> {
  const transcript = await loadPublicTranscript(slug);
  if (!transcript) return null;
  const first = await db.publication.findFirst({
    where: { transcriptId: transcript.id, withdrawnAt: null, publishedAt: { lte: new Date() } },
    orderBy: { number: "asc" },
    select: { content: true, publishedAt: true },
  });
  if (!first) return null;
  return { transcript, first: { ...readSnapshot(first.content), publishedAt: first.publishedAt.toISOString() } };
}

// ─── Cached reads for the pages ───────────────────────────────────────────────────────────────────────────────

/**
 * `next build` prerenders the home page and /corrections, and the database may not exist yet (a fresh clone in
 * CI). The empty lists it bakes in carry the same tags, and the server expires every public tag when it starts.
 */
function isBuilding(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

function emptyPage<T>(): Paged<T> {
  return { items: [], page: 1, pageCount: 1, total: 0 };
}

export function getPublicTranscript(slug: string): Promise<PublicTranscript | null> {
  return unstable_cache(loadPublicTranscript, ["public-transcript", slug], { tags: [PUBLIC_TAG, slugTag(slug)] })(slug);
}

export function getPublicChanges(slug: string): Promise<PublicChanges | null> {
  return unstable_cache(loadPublicChanges, ["public-changes", slug], { tags: [PUBLIC_TAG, slugTag(slug)] })(slug);
}

export function getPublicQuote(id: string): Promise<PublicQuote | null> {
  return unstable_cache(loadPublicQuote, ["public-quote", id], { tags: [PUBLIC_TAG, quoteTag(id)] })(id);
}

export function getPublicTranscripts(page: number): Promise<Paged<PublicTranscriptListItem>> {
  const load = (page: number) =>
    isBuilding() ? Promise.resolve(emptyPage<PublicTranscriptListItem>()) : loadPublicTranscripts(page);
  return unstable_cache(load, ["public-transcripts", String(page)], {
    tags: [PUBLIC_TAG, LISTINGS_TAG],
  })(page);
}

export function getPublicCorrections(page: number): Promise<Paged<PublicCorrectionListItem>> {
  const load = (page: number) =>
    isBuilding() ? Promise.resolve(emptyPage<PublicCorrectionListItem>()) : loadPublicCorrections(page);
  return unstable_cache(load, ["public-corrections", String(page)], {
    tags: [PUBLIC_TAG, LISTINGS_TAG],
  })(page);
}

/**
 * Who the reading page credits, with names as they are now: a rename or an opt-out on the account page expires
 * PUBLIC_TAG, and so every byline.
 */
export function getPublicByline(transcript: Pick<PublicTranscript, "id" | "credits">): Promise<PublicByline> {
  return unstable_cache(loadPublicByline, ["public-byline"], {
    tags: [PUBLIC_TAG, transcriptTag(transcript.id)],
  })(transcript.credits);
}
