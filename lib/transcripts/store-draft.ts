// Storing a parsed upload as a draft, on a plain better-sqlite3 connection. It runs in the ingestion worker thread
// (lib/transcripts/ingest-worker.ts) right after the parse, so neither the parse nor the save of a large transcript holds the
// thread that serves pages: a 200 KB upload's save cost that thread about 200 ms through Prisma, and a 100,000-cue
// file 22 s. Framework-free and synchronous; one IMMEDIATE transaction, so a failure or a killed worker (SQLite
// rolls back what a closed connection left open) writes nothing.
import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import { failpoint } from "@/lib/failpoints";
import type { IngestResult } from "@/lib/ingest/types";
import { toWellFormed } from "@/lib/ingest/unicode";
import { mentionMatcher } from "@/lib/transcripts/mentions";
import { firstFreeSlug, slugFromTitle } from "@/lib/transcripts/slugs";

/** The Fidelity enum of prisma/schema.prisma; listed here because the worker bundle does not load Prisma. */
export type DraftFidelity = "VERBATIM" | "CLEAN_READ" | "MACHINE" | "HUMAN_VERIFIED";

const SPEAKER_ROLES = {
  moderator: "MODERATOR",
  questioner: "QUESTIONER",
  official: "OFFICIAL",
  speaker: "SPEAKER",
} as const satisfies Record<NonNullable<IngestResult["speakers"][number]["role"]>, string>;

const ENTITY_TYPES = { person: "PERSON", org: "ORG", place: "PLACE" } as const;

/** A sensible starting label, which the reporter can change: tool exports and auto-captions are machine text. */
export function suggestFidelity(result: IngestResult): DraftFidelity {
  if (result.source.format === "json") return "MACHINE";
  if (result.removed.some((line) => line.reasonCode === "caption-repeat")) return "MACHINE";
  return "CLEAN_READ";
}

/** The caller's title, else the parser's, else one made from the file name. */
export function draftTitle(requested: string | undefined, result: IngestResult): string {
  // The parse is already well-formed; a title typed by the caller may not be (JSON can carry "\ud800").
  return toWellFormed(requested?.trim() || result.title || humaniseFilename(result.source.filename));
}

function humaniseFilename(filename: string): string {
  return (
    filename
      .replace(/\.[^.]+$/, "")
      .replace(/[-_]+/g, " ")
      .trim() || "Untitled transcript"
  );
}

export interface StoreDraftRequest {
  userId: string;
  bytes: Uint8Array;
  /** Removed lines the reporter chose to keep, by id. */
  restored: readonly number[];
  result: IngestResult;
  title: string;
  fidelity: DraftFidelity;
  /** The uploader chose the label (rather than taking the suggestion): that counts as confirming it. */
  fidelityConfirmed?: boolean;
}

export interface StoredDraft {
  id: string;
  slug: string;
}

/** Dates as Prisma's SQLite adapter writes them ("2026-11-27T13:10:34.859+00:00"), so Prisma reads them back. */
function prismaDate(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

/**
 * Ids that sort in creation order (time, 48 random bits, then a counter), so a draft's rows go in at the end of
 * each index rather than all over it: random ids made committing a draft of 5,000 mentions about four times
 * dearer.
 */
function sequentialIds(): () => string {
  const prefix = `${Date.now().toString(36).padStart(9, "0")}${randomBytes(6).toString("hex")}`;
  let next = 0;
  return () => `${prefix}${(next++).toString(36).padStart(6, "0")}`;
}

/** Writes the original bytes, the transcript, its speakers, paragraphs, entities and mentions, and the audit entry. */
export function storeDraft(sqlite: Database.Database, request: StoreDraftRequest): StoredDraft {
  const save = sqlite.transaction(() => insertDraft(sqlite, request));
  // IMMEDIATE takes the write lock up front, so concurrent writers (the server, the CLI, other workers) queue on
  // the busy timeout instead of failing half-way with "database is locked".
  return save.immediate();
}

function insertDraft(
  sqlite: Database.Database,
  { userId, bytes, restored, result, title, fidelity, fidelityConfirmed = false }: StoreDraftRequest,
) {
  const now = prismaDate(new Date());
  const nextId = sequentialIds();
  const baseSlug = slugFromTitle(title);
  const taken = sqlite
    .prepare(`SELECT "slug" FROM "Transcript" WHERE "slug" = ? OR "slug" LIKE ? ESCAPE '\\'`)
    .pluck()
    .all(baseSlug, `${baseSlug.replace(/[\\%_]/g, "\\$&")}-%`) as string[];
  const slug = firstFreeSlug(baseSlug, new Set(taken));

  const transcriptId = nextId();
  sqlite
    .prepare(
      `INSERT INTO "Transcript" ("id", "slug", "title", "occurredAt", "place", "language", "sourceUrl", "fidelity",
        "wordCount", "durationMs", "createdById", "createdAt", "updatedAt", "fidelityConfirmedAt", "fidelityConfirmedById")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      transcriptId,
      slug,
      title,
      result.occurredAt ? prismaDate(new Date(`${result.occurredAt}T00:00:00Z`)) : null,
      result.place,
      result.language,
      // Front matter's source address ("source: https://…"); the editor's Details form can change it.
      result.sourceUrl,
      fidelity,
      result.wordCount,
      result.durationMs,
      userId,
      now,
      now,
      fidelityConfirmed ? now : null,
      fidelityConfirmed ? userId : null,
    );

  sqlite
    .prepare(
      `INSERT INTO "SourceFile" ("id", "transcriptId", "content", "filename", "mediaType", "size", "sha256",
        "encoding", "format", "cleanupReport", "warnings", "uploadedById", "uploadedAt")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      nextId(),
      transcriptId,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      result.source.filename,
      result.source.mediaType,
      result.source.bytes,
      result.source.sha256,
      result.source.encoding,
      result.source.format,
      JSON.stringify({ removed: result.removed, restored }),
      JSON.stringify(result.warnings),
      userId,
      now,
    );

  const insertSpeaker = sqlite.prepare(
    `INSERT INTO "Speaker" ("id", "transcriptId", "name", "title", "role", "outlet", "position") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const speakerIds = new Map<string, string>();
  result.speakers.forEach((speaker, position) => {
    const id = nextId();
    speakerIds.set(speaker.name, id);
    const role = speaker.role ? SPEAKER_ROLES[speaker.role] : null;
    insertSpeaker.run(id, transcriptId, speaker.name, speaker.title, role, speaker.outlet, position);
  });

  const insertSegment = sqlite.prepare(
    `INSERT INTO "Segment" ("id", "transcriptId", "position", "speakerId", "text", "startMs", "endMs") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const segments = result.segments.map((segment, position) => {
    const id = nextId();
    const speakerId = segment.speaker ? (speakerIds.get(segment.speaker) ?? null) : null;
    insertSegment.run(id, transcriptId, position, speakerId, segment.text, segment.startMs, segment.endMs);
    return { id, text: segment.text };
  });
  // e2e/durability.spec.ts kills the server here, with the paragraphs written and nothing committed.
  failpoint("store-draft.after-segments");

  // Entities are shared across transcripts: reuse the (type, name) row when another transcript made it.
  const findEntity = sqlite.prepare(`SELECT "id" FROM "Entity" WHERE "type" = ? AND "name" = ?`).pluck();
  const insertEntity = sqlite.prepare(`INSERT INTO "Entity" ("id", "type", "name", "createdAt") VALUES (?, ?, ?, ?)`);
  const insertTranscriptEntity = sqlite.prepare(
    `INSERT INTO "TranscriptEntity" ("id", "transcriptId", "entityId", "mentionCount") VALUES (?, ?, ?, 0)`,
  );
  // One name can be suggested as two types ("Georgia" the person and the place): a mention belongs to each.
  const linkIdsByName = new Map<string, string[]>();
  for (const entity of result.entities) {
    const type = ENTITY_TYPES[entity.type];
    let entityId = findEntity.get(type, entity.name) as string | undefined;
    if (!entityId) {
      entityId = nextId();
      insertEntity.run(entityId, type, entity.name, now);
    }
    const linkId = nextId();
    insertTranscriptEntity.run(linkId, transcriptId, entityId);
    linkIdsByName.set(entity.name, [...(linkIdsByName.get(entity.name) ?? []), linkId]);
  }
  const insertMention = sqlite.prepare(
    `INSERT INTO "Mention" ("id", "transcriptEntityId", "segmentId", "start", "end") VALUES (?, ?, ?, ?, ?)`,
  );
  const matchMentions = mentionMatcher([...linkIdsByName.keys()]);
  for (const segment of segments) {
    for (const { name, start, end } of matchMentions(segment.text)) {
      for (const linkId of linkIdsByName.get(name) ?? []) insertMention.run(nextId(), linkId, segment.id, start, end);
    }
  }
  // The count is the stored mentions, never the suggester's own tally: the two used to disagree.
  sqlite
    .prepare(
      `UPDATE "TranscriptEntity" SET "mentionCount" =
        (SELECT count(*) FROM "Mention" WHERE "Mention"."transcriptEntityId" = "TranscriptEntity"."id")
        WHERE "transcriptId" = ?`,
    )
    .run(transcriptId);

  // Revision 1 is the upload itself: the history starts here.
  sqlite
    .prepare(
      `INSERT INTO "Revision" ("id", "transcriptId", "number", "actorId", "at", "action", "summary", "changes")
        VALUES (?, ?, 1, ?, ?, 'transcript.created', ?, '[]')`,
    )
    .run(nextId(), transcriptId, userId, now, `Uploaded ${result.source.filename}`);

  // The same entry lib/audit.ts's recordAuditEvent writes, in the same transaction as the draft.
  sqlite
    .prepare(
      `INSERT INTO "AuditEvent" ("id", "actorId", "action", "targetType", "targetId", "details", "at") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      nextId(),
      userId,
      "transcript.created",
      "transcript",
      transcriptId,
      JSON.stringify({
        title,
        filename: result.source.filename,
        format: result.source.format,
        sha256: result.source.sha256,
        restoredLines: restored.length,
      }),
      now,
    );
  return { id: transcriptId, slug };
}
