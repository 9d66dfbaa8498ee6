// Storing a parsed upload as a draft, in the ingestion worker thread (lib/transcripts/ingest-worker.ts) right after the
// parse, so neither the parse nor the save of a large transcript holds the thread that serves pages: a 200 KB
// upload's save cost that thread about 200 ms through Prisma, and a 100,000-cue file 22 s. Prisma is not loaded in
// the worker: the rows are written with plain SQL through a DraftWriter, one per database (./sqlite/, ./postgresql/),
// in one transaction, so a failure or a killed worker writes nothing. The rows are built here, once, for both.
import { randomBytes } from "node:crypto";
import { failpoint } from "@/lib/failpoints";
import { EntityType, SpeakerRole, type Fidelity } from "@/lib/generated/prisma/enums";
import type { IngestResult } from "@/lib/ingest/types";
import { toWellFormed } from "@/lib/ingest/unicode";
import { mentionMatcher } from "@/lib/transcripts/mentions";
import { firstFreeSlug, slugFromTitle } from "@/lib/transcripts/slugs";

/** The Fidelity enum, from the generated client's plain enums module (the worker bundle does not load Prisma). */
export type DraftFidelity = Fidelity;

const SPEAKER_ROLES = {
  moderator: SpeakerRole.MODERATOR,
  questioner: SpeakerRole.QUESTIONER,
  official: SpeakerRole.OFFICIAL,
  speaker: SpeakerRole.SPEAKER,
} as const satisfies Record<NonNullable<IngestResult["speakers"][number]["role"]>, SpeakerRole>;

const ENTITY_TYPES = { person: EntityType.PERSON, org: EntityType.ORG, place: EntityType.PLACE } as const;

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

  await writer.insert(
    "SourceFile",
    [
      "id",
      "transcriptId",
      "content",
      "filename",
      "mediaType",
      "size",
      "sha256",
      "encoding",
      "format",
      "cleanupReport",
      "warnings",
      "uploadedById",
      "uploadedAt",
    ],
    [
      [
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
      ],
    ],
  );

  const speakerIds = new Map<string, string>();
  const speakers = result.speakers.map((speaker, position) => {
    const id = nextId();
    speakerIds.set(speaker.name, id);
    const role = speaker.role ? SPEAKER_ROLES[speaker.role] : null;
    return [id, transcriptId, speaker.name, speaker.title, role, speaker.outlet, position];
  });
  await writer.insert("Speaker", ["id", "transcriptId", "name", "title", "role", "outlet", "position"], speakers);

  const segments = result.segments.map((segment, position) => ({
    id: nextId(),
    position,
    speakerId: segment.speaker ? (speakerIds.get(segment.speaker) ?? null) : null,
    ...segment,
  }));
  await writer.insert(
    "Segment",
    ["id", "transcriptId", "position", "speakerId", "text", "startMs", "endMs"],
    segments.map((segment) => [
      segment.id,
      transcriptId,
      segment.position,
      segment.speakerId,
      segment.text,
      segment.startMs,
      segment.endMs,
    ]),
  );
  // e2e/durability.spec.ts kills the server here, with the paragraphs written and nothing committed.
  failpoint("store-draft.after-segments");

  // Entities are shared across transcripts: reuse the (type, name) row when another transcript made it.
  // One name can be suggested as two types ("Georgia" the person and the place): a mention belongs to each.
  const linkIdsByName = new Map<string, string[]>();
  const links: unknown[][] = [];
  for (const entity of result.entities) {
    const entityId = await writer.entityId(ENTITY_TYPES[entity.type], entity.name, nextId(), now);
    const linkId = nextId();
    links.push([linkId, transcriptId, entityId, 0]);
    linkIdsByName.set(entity.name, [...(linkIdsByName.get(entity.name) ?? []), linkId]);
  }
  await writer.insert("TranscriptEntity", ["id", "transcriptId", "entityId", "mentionCount"], links);
  const mentions: unknown[][] = [];
  const matchMentions = mentionMatcher([...linkIdsByName.keys()]);
  for (const segment of segments) {
    for (const { name, start, end } of matchMentions(segment.text)) {
      for (const linkId of linkIdsByName.get(name) ?? []) mentions.push([nextId(), linkId, segment.id, start, end]);
    }
  }
  await writer.insert("Mention", ["id", "transcriptEntityId", "segmentId", "start", "end"], mentions);
  // The count is the stored mentions, never the suggester's own tally: the two used to disagree.
  await writer.countMentions(transcriptId);

  // Revision 1 is the upload itself: the history starts here.
  await writer.insert(
    "Revision",
    ["id", "transcriptId", "number", "actorId", "at", "action", "summary", "changes"],
    [[nextId(), transcriptId, 1, userId, now, "transcript.created", `Uploaded ${result.source.filename}`, "[]"]],
  );

  // The same entry lib/audit.ts's recordAuditEvent writes, in the same transaction as the draft.
  await writer.insert(
    "AuditEvent",
    ["id", "actorId", "action", "targetType", "targetId", "details", "at"],
    [
      [
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
      ],
    ],
  );
  return { id: transcriptId, slug };
}

/** `base` and `base-…`, for a LIKE with `\\` as its escape character. */
export function slugPattern(base: string): string {
  return `${base.replace(/[\\%_]/g, "\\$&")}-%`;
}
