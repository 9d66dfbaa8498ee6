// The public index: what search, the speaker and topic pages, the archive, feeds, the sitemap and the public API
// read. Derived only from the publication readers see now, and rewritten inside the transaction that publishes,
// corrects or unpublishes, so a reader can never find what they could not open. The full-text index of
// PublicParagraph follows these rows through SQLite triggers (prisma/migrations/*_public_index).
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUnnamedSpeaker } from "@/lib/publishing/checks";
import { nameSlug } from "@/lib/publishing/slugs";
import { publicEntities } from "@/lib/publishing/topics";
import { readSnapshot } from "@/lib/publishing/snapshot";
import { creditRows } from "@/lib/publishing/credits"; // bylines
import { runQuery } from "@/lib/db/provider";
import { optimizeFullTextSqlite, rebuildFullTextSqlite } from "@/lib/db/sqlite/full-text";
import type { PublishedSnapshot } from "@/lib/publishing/types";
import { countWords } from "@/lib/format/text";
import { createSlicer, SLICED_TRANSACTION_TIMEOUT_MS } from "@/lib/ops/slices";

/** Paragraph rows written or removed per statement: a 10,000-paragraph hearing yields between them. */
const PARAGRAPH_CHUNK = 250;

type Client = Prisma.TransactionClient | typeof db;

export { nameSlug };

/**
 * A role, not a person: "Moderator", "The Chair", "Interpreter". Fine as a label in one transcript, but as a page it
 * would merge every moderator of every press conference into one "speaker".
 */
const ROLE_ONLY =
  /^(?:the\s+)?(?:moderator|chair(?:man|woman|person)?|host|co-?host|presenter|anchor|interviewer|narrator|interpreter|translator|operator|announcer|spokes(?:person|man|woman)|mc|master of ceremonies|press officer|clerk|all|crowd|audience)(?:[\s_-]*\d+)?$/i;

/** The speaker's page slug, or null for "Speaker 1", "Question", "Moderator" and the like: they get no page. */
export function speakerSlug(name: string): string | null {
  const label = name.trim().replace(/[.:]$/, "");
  if (isUnnamedSpeaker(label) || ROLE_ONLY.test(label)) return null;
  return nameSlug(name) || null;
}

/** What a reader would find of one transcript, given its current publication. */
export interface PublicIndexEntry {
  listing: Prisma.PublicListingUncheckedCreateInput;
  paragraphs: Prisma.PublicParagraphUncheckedCreateInput[];
  appearances: Prisma.PublicAppearanceUncheckedCreateInput[];
  topics: Prisma.PublicTopicUncheckedCreateInput[];
  quotes: Prisma.PublicQuoteEntryUncheckedCreateInput[];
}

export function indexEntry(
  transcriptId: string,
  snapshot: PublishedSnapshot,
  dates: { publicSlug: string; firstPublishedAt: Date; updatedAt: Date },
): PublicIndexEntry {
  const speakers = new Map(snapshot.speakers.map((speaker) => [speaker.id, speaker]));
  const paragraphs = snapshot.segments.map((segment, index) => {
    const speaker = segment.speakerId ? speakers.get(segment.speakerId) : undefined;
    return {
      transcriptId,
      segmentId: segment.id,
      number: index + 1,
      text: segment.text,
      speakerName: speaker?.name ?? null,
      speakerSlug: speaker ? speakerSlug(speaker.name) : null,
      outlet: speaker?.outlet?.trim() || null,
      startMs: segment.startMs,
    };
  });

  const appearances = new Map<string, Prisma.PublicAppearanceUncheckedCreateInput>();
  for (const paragraph of paragraphs) {
    const speaker = snapshot.speakers.find((candidate) => candidate.name === paragraph.speakerName);
    if (!paragraph.speakerSlug || !speaker) continue;
    const appearance = appearances.get(paragraph.speakerSlug) ?? {
      transcriptId,
      slug: paragraph.speakerSlug,
      name: speaker.name,
      title: speaker.title,
      outlet: speaker.outlet,
      role: speaker.role,
      paragraphCount: 0,
      wordCount: 0,
    };
    appearance.paragraphCount += 1;
    appearance.wordCount += countWords(paragraph.text);
    appearances.set(paragraph.speakerSlug, appearance);
  }

  const byId = new Map(paragraphs.map((paragraph) => [paragraph.segmentId, paragraph]));
  const quotes = snapshot.annotations.flatMap((annotation) => {
    const paragraph = byId.get(annotation.segmentId);
    if (annotation.kind !== "QUOTE" || !paragraph) return [];
    return [
      {
        annotationId: annotation.id,
        transcriptId,
        number: paragraph.number,
        start: annotation.start,
        text: annotation.anchored ? annotation.exact : annotation.publishedExact,
        speakerName: paragraph.speakerName,
        speakerSlug: paragraph.speakerSlug,
        publishedAt: dates.firstPublishedAt,
      },
    ];
  });

  const topics = new Map<string, Prisma.PublicTopicUncheckedCreateInput>();
  // Accepted entities and tags, one topic per slug (lib/publishing/topics.ts).
  for (const entity of publicEntities(snapshot)) {
    topics.set(entity.id, {
      transcriptId,
      entityId: entity.id,
      type: entity.type,
      slug: entity.slug,
      name: entity.name,
      mentionCount: entity.mentionCount,
    });
  }

  const occurredAt = snapshot.occurredAt ? new Date(snapshot.occurredAt) : null;
  return {
    listing: {
      transcriptId,
      slug: dates.publicSlug,
      title: snapshot.title,
      summary: snapshot.summary,
      occurredAt,
      place: snapshot.place,
      language: snapshot.language,
      publishedAt: dates.firstPublishedAt,
      updatedAt: dates.updatedAt,
      sortDate: occurredAt ?? dates.firstPublishedAt,
      wordCount: snapshot.wordCount,
      fidelity: snapshot.fidelity,
      timed: snapshot.segments.length > 0 && snapshot.segments.every((segment) => segment.startMs !== null),
      quoteCount: quotes.length,
      speakers: JSON.stringify([...new Set(paragraphs.flatMap((paragraph) => paragraph.speakerName ?? []))]),
    },
    paragraphs,
    appearances: [...appearances.values()],
    topics: [...topics.values()],
    quotes,
  };
}

/** Takes a transcript out of everything readers can find. */
export async function removeFromPublicIndex(client: Client, transcriptId: string): Promise<void> {
  // Child rows first and explicitly: the FTS triggers must see each paragraph deleted. In chunks of paragraph
  // numbers, yielding between them: leaving the full-text index is the slow part.
  const last = await client.publicParagraph.aggregate({ where: { transcriptId }, _max: { number: true } });
  const slicer = createSlicer();
  for (let from = 1; from <= (last._max.number ?? 0); from += PARAGRAPH_CHUNK) {
    await client.publicParagraph.deleteMany({
      where: { transcriptId, number: { gte: from, lt: from + PARAGRAPH_CHUNK } },
    });
    await slicer.slice();
  }
  await client.publicParagraph.deleteMany({ where: { transcriptId } });
  await client.publicAppearance.deleteMany({ where: { transcriptId } });
  await client.publicTopic.deleteMany({ where: { transcriptId } });
  await client.publicQuoteEntry.deleteMany({ where: { transcriptId } });
  await client.publicCredit.deleteMany({ where: { transcriptId } }); // bylines
  await client.publicListing.deleteMany({ where: { transcriptId } });
}

/**
 * Makes the public index match what readers see of one transcript now: its current publication if it is published,
 * nothing otherwise. Call it inside the transaction that changes its status or publications.
 */
export async function syncPublicIndex(client: Client, transcriptId: string, now = new Date()): Promise<void> {
  await removeFromPublicIndex(client, transcriptId);
  const transcript = await client.transcript.findUnique({
    where: { id: transcriptId },
    select: { status: true, deletedAt: true, publicSlug: true, firstPublishedAt: true },
  });
  if (
    !transcript ||
    transcript.status !== "PUBLISHED" ||
    transcript.deletedAt ||
    !transcript.publicSlug ||
    !transcript.firstPublishedAt
  ) {
    return;
  }
  const publication = await client.publication.findFirst({
    where: { transcriptId, withdrawnAt: null, publishedAt: { lte: now } },
    orderBy: { number: "desc" },
    select: { content: true, publishedAt: true },
  });
  if (!publication) return;
  const slicer = createSlicer();
  const snapshot = readSnapshot(publication.content);
  await slicer.slice();
  const entry = indexEntry(transcriptId, snapshot, {
    publicSlug: transcript.publicSlug,
    firstPublishedAt: transcript.firstPublishedAt,
    updatedAt:
      publication.publishedAt > transcript.firstPublishedAt ? publication.publishedAt : transcript.firstPublishedAt,
  });
  await slicer.slice();
  await client.publicListing.create({ data: entry.listing });
  for (let from = 0; from < entry.paragraphs.length; from += PARAGRAPH_CHUNK) {
    await client.publicParagraph.createMany({ data: entry.paragraphs.slice(from, from + PARAGRAPH_CHUNK) });
    await slicer.slice();
  }
  await client.publicAppearance.createMany({ data: entry.appearances });
  await client.publicTopic.createMany({ data: entry.topics });
  await client.publicQuoteEntry.createMany({ data: entry.quotes });
  // Bylines: who is credited on this publication (lib/publishing/credits.ts).
  await client.publicCredit.createMany({ data: creditRows(transcriptId, snapshot.credits) });
}

/**
 * Indexes every published transcript the index is missing and drops every row whose transcript is no longer
 * public: run when the server starts, so a database from before the index (or restored from a backup) is
 * searchable at once. Returns how many transcripts it changed.
 */
export async function repairPublicIndex(): Promise<number> {
  const [missing, stale] = await Promise.all([
    db.transcript.findMany({
      where: { status: "PUBLISHED", deletedAt: null, publicSlug: { not: null }, listing: null },
      select: { id: true },
    }),
    db.publicListing.findMany({
      where: { transcript: { OR: [{ status: { not: "PUBLISHED" } }, { deletedAt: { not: null } }] } },
      select: { transcriptId: true },
    }),
  ]);
  const ids = [...missing.map((row) => row.id), ...stale.map((row) => row.transcriptId)];
  for (const id of ids) {
    await db.$transaction((tx) => syncPublicIndex(tx, id), { timeout: SLICED_TRANSACTION_TIMEOUT_MS });
  }
  return ids.length;
}

/** Rebuilds the whole public index from the publications: `npm run search:reindex`. */
export async function rebuildPublicIndex(): Promise<number> {
  const published = await db.transcript.findMany({
    where: { status: "PUBLISHED", deletedAt: null, publicSlug: { not: null } },
    select: { id: true },
  });
  await db.$transaction(async (tx) => {
    await tx.publicParagraph.deleteMany({});
    await tx.publicAppearance.deleteMany({});
    await tx.publicTopic.deleteMany({});
    await tx.publicQuoteEntry.deleteMany({});
    await tx.publicCredit.deleteMany({}); // bylines
    await tx.publicListing.deleteMany({});
    // PostgreSQL's full-text columns are generated from the rows: nothing to rebuild.
    await runQuery({ sqlite: () => rebuildFullTextSqlite(tx), postgresql: async () => undefined });
  });
  // In batches: one transaction per transcript would make the full-text index out of thousands of tiny segments.
  for (let start = 0; start < published.length; start += REBUILD_BATCH) {
    const batch = published.slice(start, start + REBUILD_BATCH);
    await db.$transaction(
      async (tx) => {
        for (const { id } of batch) await syncPublicIndex(tx, id);
      },
      { timeout: 120_000 },
    );
  }
  await runQuery({ sqlite: () => optimizeFullTextSqlite(db), postgresql: async () => undefined });
  return published.length;
}

const REBUILD_BATCH = 100;
