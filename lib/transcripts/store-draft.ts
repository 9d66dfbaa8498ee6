// Storing a parsed upload as a draft, in the ingestion worker thread (lib/transcripts/ingest-worker.ts) right after the
// parse, so neither the parse nor the save of a large transcript holds the thread that serves pages: a 200 KB
// upload's save cost that thread about 200 ms through Prisma, and a 100,000-cue file 22 s. Prisma is not loaded in
// the worker: the rows are written with plain SQL through a DraftWriter, one per database (./sqlite/, ./postgresql/),
// in one transaction, so a failure or a killed worker writes nothing. The rows are built here, once, for both.
import { randomBytes } from "node:crypto";
import { failpoint } from "@/lib/failpoints";
import type { Fidelity } from "@/lib/generated/prisma/enums";
import type { IngestResult } from "@/lib/ingest/types";
import { toWellFormed } from "@/lib/ingest/unicode";
import { mentionMatcher } from "@/lib/transcripts/mentions";
import {
  auditRow,
  ENTITY_TYPES,
  mentionRow,
  revisionRow,
  segmentRow,
  sourceReportColumns,
  SPEAKER_ROLES,
  speakerRow,
} from "@/lib/transcripts/rows";
import { firstFreeSlug, slugFromTitle } from "@/lib/transcripts/slugs";

/** The Fidelity enum, from the generated client's plain enums module (the worker bundle does not load Prisma). */
export type DraftFidelity = Fidelity;

/** A sensible starting label, which the reporter can change: tool exports and auto-captions are machine text. */
/** Speaker conventions of transcription tools' exports (lib/ingest/conventions/tool-exports.ts). */
const TOOL_CONVENTIONS = new Set(["otter", "rev"]);

/**
 * The fidelity label a draft is given until a person confirms one: a machine transcript for what a machine wrote
 * (subtitle files, speech-recognition JSON, transcription tools' exports, auto-captions), a clean read otherwise.
 */
export function suggestFidelity(result: IngestResult): DraftFidelity {
  const { format } = result.source;
  if (format === "json" || format === "srt" || format === "vtt") return "MACHINE";
  if (result.convention && TOOL_CONVENTIONS.has(result.convention.id)) return "MACHINE";
  const machineMarks = new Set(["caption-repeat", "tool-footer"]);
  if (result.removed.some((line) => machineMarks.has(line.reasonCode))) return "MACHINE";
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

/**
 * What a database needs to offer to store a draft: two lookups and plain inserts, all inside one transaction the
 * writer has begun. Values go in as JavaScript values; `date` turns a Date into what the database's Prisma reads.
 */
export interface DraftWriter {
  /** Slugs already taken among `base` and `base-…`. */
  takenSlugs(base: string): Promise<string[]> | string[];
  /** The shared Entity row of that type and name, creating it when no transcript has made it yet. */
  entityId(type: string, name: string, newId: string, now: unknown): Promise<string> | string;
  insert(table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> | void;
  /** Sets every link's mentionCount to its number of stored mentions. */
  countMentions(transcriptId: string): Promise<void> | void;
  date(value: Date): unknown;
}

/** Inserts rows built by lib/transcripts/rows.ts (plus ids and dates), their keys as the columns. */
async function insertRows(writer: DraftWriter, table: string, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  await writer.insert(
    table,
    columns,
    rows.map((row) => columns.map((column) => row[column])),
  );
}

/** Writes the original bytes, the transcript, its speakers, paragraphs, entities and mentions, and the audit entry. */
export async function insertDraft(
  writer: DraftWriter,
  { userId, bytes, restored, result, title, fidelity, fidelityConfirmed = false }: StoreDraftRequest,
): Promise<StoredDraft> {
  const now = writer.date(new Date());
  const nextId = sequentialIds();
  const baseSlug = slugFromTitle(title);
  const slug = firstFreeSlug(baseSlug, new Set(await writer.takenSlugs(baseSlug)));

  const transcriptId = nextId();
  await writer.insert(
    "Transcript",
    [
      "id",
      "slug",
      "title",
      "occurredAt",
      "place",
      "language",
      "sourceUrl",
      "fidelity",
      "wordCount",
      "durationMs",
      "createdById",
      "createdAt",
      "updatedAt",
      "fidelityConfirmedAt",
      "fidelityConfirmedById",
    ],
    [
      [
        transcriptId,
        slug,
        title,
        result.occurredAt ? writer.date(new Date(`${result.occurredAt}T00:00:00Z`)) : null,
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
      ],
    ],
  );

  await insertRows(writer, "SourceFile", [
    {
      id: nextId(),
      transcriptId,
      content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      filename: result.source.filename,
      mediaType: result.source.mediaType,
      size: result.source.bytes,
      sha256: result.source.sha256,
      encoding: result.source.encoding,
      format: result.source.format,
      ...sourceReportColumns({ removed: result.removed, restored: [...restored] }, result.warnings),
      uploadedById: userId,
      uploadedAt: now,
    },
  ]);

  const speakerIds = new Map<string, string>();
  const speakers = result.speakers.map((speaker, position) => {
    const id = nextId();
    speakerIds.set(speaker.name, id);
    const role = speaker.role ? SPEAKER_ROLES[speaker.role] : null;
    return {
      id,
      ...speakerRow({ transcriptId, name: speaker.name, title: speaker.title, role, outlet: speaker.outlet, position }),
    };
  });
  await insertRows(writer, "Speaker", speakers);

  const segments = result.segments.map((segment, position) => ({
    id: nextId(),
    ...segmentRow({
      transcriptId,
      position,
      speakerId: segment.speaker ? (speakerIds.get(segment.speaker) ?? null) : null,
      text: segment.text,
      startMs: segment.startMs,
      endMs: segment.endMs,
    }),
  }));
  await insertRows(writer, "Segment", segments);
  // e2e/durability.spec.ts kills the server here, with the paragraphs written and nothing committed.
  failpoint("store-draft.after-segments");

  // Entities are shared across transcripts: reuse the (type, name) row when another transcript made it.
  // One name can be suggested as two types ("Georgia" the person and the place): a mention belongs to each.
  // A suggestion is made only for a name the paragraphs mention: one with no stored mention (named only in the
  // title, or only inside a longer name) would be listed with nothing to show.
  const matchMentions = mentionMatcher(result.entities.map((entity) => entity.name));
  const found = segments.flatMap((segment) => matchMentions(segment.text).map((range) => ({ segment, ...range })));
  const mentioned = new Set(found.map((range) => range.name));
  const linkIdsByName = new Map<string, string[]>();
  const links: unknown[][] = [];
  for (const entity of result.entities.filter((candidate) => mentioned.has(candidate.name))) {
    const entityId = await writer.entityId(ENTITY_TYPES[entity.type], entity.name, nextId(), now);
    const linkId = nextId();
    links.push([linkId, transcriptId, entityId, 0]);
    linkIdsByName.set(entity.name, [...(linkIdsByName.get(entity.name) ?? []), linkId]);
  }
  await writer.insert("TranscriptEntity", ["id", "transcriptId", "entityId", "mentionCount"], links);
  const mentions: Record<string, unknown>[] = [];
  for (const { segment, name, start, end } of found) {
    for (const transcriptEntityId of linkIdsByName.get(name) ?? []) {
      mentions.push({ id: nextId(), ...mentionRow({ transcriptEntityId, segmentId: segment.id, start, end }) });
    }
  }
  await insertRows(writer, "Mention", mentions);
  // The count is the stored mentions, never the suggester's own tally: the two used to disagree.
  await writer.countMentions(transcriptId);

  // Revision 1 is the upload itself: the history starts here.
  await insertRows(writer, "Revision", [
    {
      id: nextId(),
      ...revisionRow({
        transcriptId,
        number: 1,
        actorId: userId,
        action: "transcript.created",
        summary: `Uploaded ${result.source.filename}`,
        changes: [],
      }),
      at: now,
    },
  ]);

  // The same entry lib/audit.ts's recordAuditEvent writes, in the same transaction as the draft.
  await insertRows(writer, "AuditEvent", [
    {
      id: nextId(),
      ...auditRow({
        actorId: userId,
        action: "transcript.created",
        targetType: "transcript",
        targetId: transcriptId,
        details: {
          title,
          filename: result.source.filename,
          format: result.source.format,
          sha256: result.source.sha256,
          restoredLines: restored.length,
        },
      }),
      at: now,
    },
  ]);
  return { id: transcriptId, slug };
}

/** `base` and `base-…`, for a LIKE with `\\` as its escape character. */
export function slugPattern(base: string): string {
  return `${base.replace(/[\\%_]/g, "\\$&")}-%`;
}
