// The working copy's rows, built in one place. A draft is written twice over in Verbatim's life: by the ingestion
// worker (lib/transcripts/store-draft.ts, plain SQL, no Prisma in the thread) and, row by row, by the editor through
// Prisma (lib/editor/*). Both build their rows here, so a paragraph, a speaker, a mention, a revision or an audit
// entry has one shape whichever path made it (lib/transcripts/rows.test.ts stores the same draft both ways and
// compares the rows). Pure: no database, no Prisma client; the enums come from the generated plain-enum module.
import { EntityType, SpeakerRole } from "@/lib/generated/prisma/enums";
import { countWords } from "@/lib/format/text";
import {
  auditDetailsSchema,
  cleanupReportSchema,
  revisionChangesSchema,
  warningsSchema,
  writeJson,
  type CleanupReport,
  type RevisionChange,
} from "@/lib/json-columns";

/** The parser's speaker roles as the database stores them. */
export const SPEAKER_ROLES = {
  moderator: SpeakerRole.MODERATOR,
  questioner: SpeakerRole.QUESTIONER,
  official: SpeakerRole.OFFICIAL,
  speaker: SpeakerRole.SPEAKER,
} as const satisfies Record<string, SpeakerRole>;

/** The entity suggester's types as the database stores them. */
export const ENTITY_TYPES = { person: EntityType.PERSON, org: EntityType.ORG, place: EntityType.PLACE } as const;

export function segmentRow(input: {
  transcriptId: string;
  position: number;
  speakerId: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
}) {
  return {
    transcriptId: input.transcriptId,
    position: input.position,
    speakerId: input.speakerId,
    text: input.text,
    startMs: input.startMs,
    endMs: input.endMs,
  };
}

export function speakerRow(input: {
  transcriptId: string;
  name: string;
  title: string | null;
  role: SpeakerRole | null;
  outlet: string | null;
  position: number;
}) {
  return {
    transcriptId: input.transcriptId,
    // Names are how speakers are told apart (unique per transcript): never with stray spaces.
    name: input.name.trim(),
    title: input.title?.trim() || null,
    role: input.role,
    outlet: input.outlet?.trim() || null,
    position: input.position,
  };
}

export function mentionRow(input: { transcriptEntityId: string; segmentId: string; start: number; end: number }) {
  return {
    transcriptEntityId: input.transcriptEntityId,
    segmentId: input.segmentId,
    start: input.start,
    end: input.end,
  };
}

export function revisionRow(input: {
  transcriptId: string;
  number: number;
  actorId: string | null;
  action: string;
  summary: string;
  changes: RevisionChange[];
}) {
  return {
    transcriptId: input.transcriptId,
    number: input.number,
    actorId: input.actorId,
    action: input.action,
    summary: input.summary,
    changes: writeJson(revisionChangesSchema, input.changes),
  };
}

export interface AuditRowInput {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export function auditRow(event: AuditRowInput) {
  return {
    actorId: event.actorId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    details: writeJson(auditDetailsSchema, event.details ?? {}),
  };
}

export function sourceReportColumns(report: CleanupReport, warnings: string[]) {
  return {
    cleanupReport: writeJson(cleanupReportSchema, report),
    warnings: writeJson(warningsSchema, warnings),
  };
}

/**
 * How many words a change to paragraphs adds to the transcript (negative when it removes some): the after minus the
 * before of each paragraph row that is live (not deleted), so Transcript.wordCount stays the count of the live
 * paragraphs through every edit, deletion and restore without reading them all again.
 */
export function wordCountDelta(changes: readonly RevisionChange[]): number {
  const words = (snapshot: Record<string, unknown> | null) =>
    snapshot && !snapshot.deletedAt && typeof snapshot.text === "string" ? countWords(snapshot.text) : 0;
  let delta = 0;
  for (const entry of changes) {
    if (entry.type === "segment") delta += words(entry.after) - words(entry.before);
  }
  return delta;
}
