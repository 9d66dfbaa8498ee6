import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Fidelity, SpeakerRole } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/audit";
import type { IngestInput, IngestResult } from "@/lib/ingest";
import { ingestInWorker, type IngestInWorkerOptions } from "@/lib/ingest/pool";
import { toWellFormed } from "@/lib/ingest/unicode";
import { mentionMatcher } from "@/lib/transcripts/mentions";
import { firstFreeSlug, slugFromTitle } from "@/lib/transcripts/slugs";

const SPEAKER_ROLES: Record<NonNullable<IngestResult["speakers"][number]["role"]>, SpeakerRole> = {
  moderator: "MODERATOR",
  questioner: "QUESTIONER",
  official: "OFFICIAL",
  speaker: "SPEAKER",
};

const ENTITY_TYPES = { person: "PERSON", org: "ORG", place: "PLACE" } as const;

/** A sensible starting label, which the reporter can change: tool exports and auto-captions are machine text. */
export function suggestFidelity(result: IngestResult): Fidelity {
  if (result.source.format === "json") return "MACHINE";
  if (result.removed.some((line) => line.reasonCode === "caption-repeat")) return "MACHINE";
  return "CLEAN_READ";
}

export interface CreateDraftInput {
  userId: string;
  input: IngestInput;
  /** Overrides what the parser found. */
  title?: string;
  fidelity?: Fidelity;
}

export interface CreatedDraft {
  id: string;
  slug: string;
  title: string;
  result: IngestResult;
}

/**
 * Parses an upload in the ingestion worker pool, then stores it as a draft in one transaction on this thread: the
 * original bytes, the transcript, its speakers, paragraphs and entity suggestions. A refused file writes nothing.
 */
export async function createDraftFromUpload(
  { userId, input, title, fidelity }: CreateDraftInput,
  options?: IngestInWorkerOptions,
): Promise<CreatedDraft> {
  const result = await ingestInWorker(input, options);
  // The parse is already well-formed; a title typed by the caller may not be (JSON can carry "\ud800").
  const finalTitle = toWellFormed(title?.trim() || result.title || humaniseFilename(result.source.filename));
  const draft = await db.$transaction(
    (tx) =>
      saveDraft(tx, {
        userId,
        bytes: input.bytes,
        restored: input.restore ?? [],
        result,
        title: finalTitle,
        fidelity: fidelity ?? suggestFidelity(result),
      }),
    { timeout: 60_000 },
  );
  return { ...draft, title: finalTitle, result };
}

function humaniseFilename(filename: string): string {
  return (
    filename
      .replace(/\.[^.]+$/, "")
      .replace(/[-_]+/g, " ")
      .trim() || "Untitled transcript"
  );
}

async function saveDraft(
  tx: Prisma.TransactionClient,
  input: {
    userId: string;
    bytes: Uint8Array;
    restored: readonly number[];
    result: IngestResult;
    title: string;
    fidelity: Fidelity;
  },
) {
  const { result } = input;
  const baseSlug = slugFromTitle(input.title);
  const taken = await tx.transcript.findMany({ where: { slug: { startsWith: baseSlug } }, select: { slug: true } });
  const slug = firstFreeSlug(baseSlug, new Set(taken.map((row) => row.slug)));

  const transcript = await tx.transcript.create({
    data: {
      slug,
      title: input.title,
      occurredAt: result.occurredAt ? new Date(`${result.occurredAt}T00:00:00Z`) : null,
      place: result.place,
      language: result.language,
      fidelity: input.fidelity,
      wordCount: result.wordCount,
      durationMs: result.durationMs,
      createdById: input.userId,
    },
    select: { id: true, slug: true },
  });
  const nextId = sequentialIds();
  // The original bytes go in as a plain parameter: through the query compiler, a 200 KB file cost tens of
  // milliseconds of this thread. uploadedAt is written as Prisma writes dates (ISO text), so Prisma reads it back.
  await tx.$executeRaw`
    INSERT INTO "SourceFile" ("id", "transcriptId", "content", "filename", "mediaType", "size", "sha256", "encoding",
      "format", "cleanupReport", "warnings", "uploadedById", "uploadedAt")
    VALUES (${nextId()}, ${transcript.id}, ${Buffer.from(input.bytes)}, ${result.source.filename},
      ${result.source.mediaType}, ${result.source.bytes}, ${result.source.sha256}, ${result.source.encoding},
      ${result.source.format}, ${JSON.stringify({ removed: result.removed, restored: input.restored })},
      ${JSON.stringify(result.warnings)}, ${input.userId}, ${new Date().toISOString()})`;

  // Speakers and entities go in like paragraphs: a createMany of a new length is a new query for Prisma to compile.
  const speakers = result.speakers.map((speaker, position) => ({ id: nextId(), speaker, position }));
  await insertRows(tx, {
    table: "Speaker",
    columns: ["id", "transcriptId", "name", "title", "role", "outlet", "position"],
    rows: speakers.map(({ id, speaker, position }) => [
      id,
      transcript.id,
      speaker.name,
      speaker.title,
      speaker.role ? SPEAKER_ROLES[speaker.role] : null,
      speaker.outlet,
      position,
    ]),
  });
  const speakerIds = new Map(speakers.map(({ id, speaker }) => [speaker.name, id]));

  // Ids are made here so rows go in as plain batched inserts: a 25 MB upload can hold 200,000 paragraphs.
  const segments = result.segments.map((segment, position) => ({
    id: nextId(),
    transcriptId: transcript.id,
    position,
    speakerId: segment.speaker ? (speakerIds.get(segment.speaker) ?? null) : null,
    text: segment.text,
    startMs: segment.startMs,
    endMs: segment.endMs,
  }));
  await insertRows(tx, {
    table: "Segment",
    columns: ["id", "transcriptId", "position", "speakerId", "text", "startMs", "endMs"],
    rows: segments.map((row) => [
      row.id,
      row.transcriptId,
      row.position,
      row.speakerId,
      row.text,
      row.startMs,
      row.endMs,
    ]),
  });

  const entities = result.entities.map((entity) => ({ id: nextId(), name: entity.name, entity }));
  await insertRows(tx, {
    table: "Entity",
    columns: ["id", "transcriptId", "type", "name", "mentionCount"],
    rows: entities.map(({ id, entity }) => [
      id,
      transcript.id,
      ENTITY_TYPES[entity.type],
      entity.name,
      entity.mentions,
    ]),
  });
  // One name can be suggested as two types ("Georgia" the person and the place): a mention belongs to each.
  const entityIdsByName = new Map<string, { id: string }[]>();
  for (const entity of entities)
    entityIdsByName.set(entity.name, [...(entityIdsByName.get(entity.name) ?? []), entity]);
  const matchMentions = mentionMatcher(entities.map((entity) => entity.name));
  const mentions = segments.flatMap((segment) =>
    matchMentions(segment.text).flatMap(({ name, start, end }) =>
      (entityIdsByName.get(name) ?? []).map((entity) => ({ entityId: entity.id, segmentId: segment.id, start, end })),
    ),
  );
  await insertRows(tx, {
    table: "Mention",
    columns: ["id", "entityId", "segmentId", "start", "end"],
    rows: mentions.map((row) => [nextId(), row.entityId, row.segmentId, row.start, row.end]),
  });

  await recordAuditEvent(tx, {
    actorId: input.userId,
    action: "transcript.created",
    targetType: "transcript",
    targetId: transcript.id,
    details: {
      title: input.title,
      filename: result.source.filename,
      format: result.source.format,
      sha256: result.source.sha256,
      restoredLines: input.restored.length,
    },
  });
  return transcript;
}

/** Small enough that one batch holds the thread for a few milliseconds, not the whole save. */
const INSERT_BATCH_SIZE = 250;

/**
 * Ids that sort in creation order (time, 48 random bits, then a counter), so a draft's rows go in at the end of
 * each index rather than all over it: with random UUIDs, committing a draft of 5,000 mentions cost about four
 * times as much, all of it on the server's only thread.
 */
function sequentialIds(): () => string {
  const prefix = `${Date.now().toString(36).padStart(9, "0")}${randomBytes(6).toString("hex")}`;
  let next = 0;
  return () => `${prefix}${(next++).toString(36).padStart(6, "0")}`;
}

type SqlValue = string | number | null;

/**
 * Inserts many rows into one table, a batch at a time, each batch as a single JSON parameter unpacked by SQLite's
 * json_each. Prisma's createMany spends about 200 µs of this thread per row binding parameters (22 s for a 100,000-cue
 * subtitle file, with every request waiting); this takes about a tenth of that, and between batches the event loop
 * serves other requests. Table and column names come from this module, never from input. SQLite-specific.
 */
async function insertRows(
  tx: Prisma.TransactionClient,
  { table, columns, rows }: { table: string; columns: readonly string[]; rows: readonly SqlValue[][] },
): Promise<void> {
  const names = columns.map((column) => `"${column}"`).join(", ");
  const values = columns.map((_, index) => `value ->> ${index}`).join(", ");
  const statement = `INSERT INTO "${table}" (${names}) SELECT ${values} FROM json_each(?)`;
  for (let start = 0; start < rows.length; start += INSERT_BATCH_SIZE) {
    await tx.$executeRawUnsafe(statement, JSON.stringify(rows.slice(start, start + INSERT_BATCH_SIZE)));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
