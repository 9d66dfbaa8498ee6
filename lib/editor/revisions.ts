// Revisions: every saved change to a transcript is one numbered row holding the before and after of each row it
// touched. Nothing else is needed to rebuild, compare or restore any earlier state (lib/editor/history.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RevisionChange, RevisionRowType } from "@/lib/json-columns";
import { revisionRow, wordCountDelta } from "@/lib/transcripts/rows";
import { liveEventsOfChanges, recordLiveEvents } from "@/lib/editor/live-events";

type Tx = Prisma.TransactionClient;

export interface RevisionInput {
  transcriptId: string;
  actorId: string | null;
  action: string;
  summary: string;
  changes: RevisionChange[];
}

/**
 * Adds the next revision (in the caller's transaction) and returns its number. On a transcript readers follow live,
 * what the revision changed that they may see becomes live events in the same transaction (lib/editor/live-events.ts).
 */
export async function recordRevision(tx: Tx, input: RevisionInput): Promise<number> {
  // The live paragraphs' word count moves with the revision that changed them, in the same statement.
  const words = wordCountDelta(input.changes);
  const { revision, status } = await tx.transcript.update({
    where: { id: input.transcriptId },
    data: { revision: { increment: 1 }, ...(words !== 0 ? { wordCount: { increment: words } } : {}) },
    select: { revision: true, status: true },
  });
  await tx.revision.create({ data: revisionRow({ ...input, number: revision }) });
  if (status === "LIVE") {
    await recordLiveEvents(tx, input.transcriptId, await liveEventsOfChanges(tx, input.transcriptId, input.changes));
  }
  return revision;
}

export function change(
  type: RevisionRowType,
  id: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): RevisionChange {
  return { type, id, before, after };
}

const dateText = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** The fields of each row type a revision keeps: what an editor can change, and enough to put a row back. */
export function segmentSnapshot(row: {
  position: number;
  speakerId: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
  deletedAt: Date | null;
}) {
  return {
    position: row.position,
    speakerId: row.speakerId,
    text: row.text,
    startMs: row.startMs,
    endMs: row.endMs,
    deletedAt: dateText(row.deletedAt),
  };
}
export type SegmentSnapshot = ReturnType<typeof segmentSnapshot>;

export function speakerSnapshot(row: {
  name: string;
  title: string | null;
  role: string | null;
  outlet: string | null;
  personId: string | null;
  position: number;
}) {
  return {
    name: row.name,
    title: row.title,
    role: row.role,
    outlet: row.outlet,
    personId: row.personId,
    position: row.position,
  };
}
export type SpeakerSnapshot = ReturnType<typeof speakerSnapshot>;

export function annotationSnapshot(row: {
  segmentId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: string;
  reviewReason: string | null;
  kind: string;
  body: string;
  verdict: string | null;
  claim: string | null;
  sources: string;
  checker: string | null;
  resolvedAt: Date | null;
  deletedAt: Date | null;
}) {
  return {
    segmentId: row.segmentId,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    status: row.status,
    reviewReason: row.reviewReason,
    kind: row.kind,
    body: row.body,
    verdict: row.verdict,
    claim: row.claim,
    sources: row.sources,
    checker: row.checker,
    resolvedAt: dateText(row.resolvedAt),
    deletedAt: dateText(row.deletedAt),
  };
}
export type AnnotationSnapshot = ReturnType<typeof annotationSnapshot>;

export function transcriptSnapshot(row: {
  title: string;
  slug: string;
  summary: string | null;
  occurredAt: Date | null;
  place: string | null;
  sourceUrl: string | null;
  mediaUrl: string | null;
  fidelity: string;
  tags: string;
}) {
  return {
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    occurredAt: dateText(row.occurredAt),
    place: row.place,
    sourceUrl: row.sourceUrl,
    mediaUrl: row.mediaUrl,
    fidelity: row.fidelity,
    tags: row.tags,
  };
}
export type TranscriptSnapshot = ReturnType<typeof transcriptSnapshot>;

export function entitySnapshot(row: { entityId: string; status: string }) {
  return { entityId: row.entityId, status: row.status };
}
export type EntitySnapshot = ReturnType<typeof entitySnapshot>;

/** Only the changes that change something. */
export function changed(changes: RevisionChange[]): RevisionChange[] {
  return changes.filter((entry) => JSON.stringify(entry.before) !== JSON.stringify(entry.after));
}
