// Paragraph edits: text, speaker and timings (with a version check), insert, split, merge, move, soft delete and
// restore, and bulk speaker changes. Each is one transaction that re-anchors what it moves and records a revision.
import { mergeAnchors, splitAnchors } from "@/lib/anchoring";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RevisionChange } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { withTranscript } from "@/lib/transcripts/access";
import { segmentRow } from "@/lib/transcripts/rows";
import { liveAnnotationsOf, moveAnnotation, reanchorAnnotations } from "@/lib/editor/anchors";
import { mergeMentions, refreshMentions, splitMentions } from "@/lib/editor/mentions";
import { change, changed, recordRevision, segmentSnapshot } from "@/lib/editor/revisions";
import {
  annotationSelect,
  segmentSelect,
  toEditorAnnotation,
  toEditorSegment,
  type SegmentRow,
} from "@/lib/editor/serialize";
import type { EditorAnnotation, EditorSegment, PersonRef } from "@/lib/editor/types";

type Tx = Prisma.TransactionClient;

export const MAX_SEGMENT_CHARS = 100_000;

const fullSegmentSelect = { ...segmentSelect, deletedAt: true, transcriptId: true } satisfies Prisma.SegmentSelect;
type FullSegment = Prisma.SegmentGetPayload<{ select: typeof fullSegmentSelect }>;

async function findSegment(tx: Tx, transcriptId: string, segmentId: string, { deleted = false } = {}) {
  const segment = await tx.segment.findFirst({
    where: { id: segmentId, transcriptId, ...(deleted ? { deletedAt: { not: null } } : { deletedAt: null }) },
    select: fullSegmentSelect,
  });
  if (!segment) {
    throw new AppError("NOT_FOUND", deleted ? "No such deleted paragraph." : "No such paragraph in this transcript.");
  }
  return segment;
}

/** The paragraph's 0-based place among the live paragraphs. */
async function indexOf(tx: Tx, transcriptId: string, position: number): Promise<number> {
  return tx.segment.count({ where: { transcriptId, deletedAt: null, position: { lt: position } } });
}

async function toJson(tx: Tx, row: SegmentRow & { transcriptId?: string }, transcriptId: string) {
  return toEditorSegment(row, await indexOf(tx, transcriptId, row.position));
}

async function annotationsOf(tx: Tx, segmentIds: string[]): Promise<EditorAnnotation[]> {
  const rows = await tx.annotation.findMany({
    where: { segmentId: { in: segmentIds }, deletedAt: null },
    orderBy: [{ start: "asc" }, { createdAt: "asc" }],
    select: annotationSelect,
  });
  return rows.map(toEditorAnnotation);
}

/** A 409 that names who saved the version the caller did not see, with the paragraph as it is now. */
async function conflict(tx: Tx, segment: FullSegment): Promise<AppError> {
  const by: PersonRef | null = segment.updatedBy;
  const when = segment.updatedAt ? segment.updatedAt.toISOString() : null;
  const who = by ? by.name : "Someone";
  return new AppError(
    "CONFLICT",
    `${who} changed this paragraph after you started editing it. Your text is kept: compare the two and save again.`,
    {},
    { current: { segment: await toJson(tx, segment, segment.transcriptId), by, at: when } },
  );
}

async function assertVersion(segment: FullSegment, baseVersion: number, tx: Tx): Promise<void> {
  if (segment.version !== baseVersion) throw await conflict(tx, segment);
}

async function assertSpeaker(tx: Tx, transcriptId: string, speakerId: string | null | undefined) {
  if (!speakerId) return;
  const speaker = await tx.speaker.findFirst({ where: { id: speakerId, transcriptId }, select: { id: true } });
  if (!speaker) {
    throw new AppError("BAD_REQUEST", "That speaker is not in this transcript.", { speakerId: "Unknown speaker." });
  }
}

function assertTimings(startMs: number | null, endMs: number | null) {
  if (startMs !== null && endMs !== null && endMs < startMs) {
    throw new AppError("BAD_REQUEST", "A paragraph cannot end before it starts.", {
      endMs: "Must not be before the start.",
    });
  }
}

function stamp(actor: Actor) {
  return { version: { increment: 1 }, updatedAt: new Date(), updatedById: actor.id };
}

export interface SegmentEdit {
  text?: string;
  speakerId?: string | null;
  startMs?: number | null;
  endMs?: number | null;
  baseVersion: number;
}

export interface SegmentEditResult {
  segment: EditorSegment;
  annotations: EditorAnnotation[];
  revision: number;
}

/** PATCH a paragraph: refused with a 409 when `baseVersion` is not the paragraph's current version. */
export async function editSegment(
  actor: Actor,
  transcriptId: string,
  segmentId: string,
  edit: SegmentEdit,
): Promise<SegmentEditResult> {
  return withTranscript(actor, transcriptId, "edit", (tx) => editSegmentIn(tx, actor, transcriptId, segmentId, edit));
}

/**
 * editSegment inside a caller's transaction, for changes that save a paragraph together with something else (a
 * public correction); the caller has checked access. `revisionAction` and `summary` name the change in history.
 */
export async function editSegmentIn(
  tx: Tx,
  actor: Actor,
  transcriptId: string,
  segmentId: string,
  edit: SegmentEdit,
  { revisionAction = "segment.edit", summary }: { revisionAction?: string; summary?: string } = {},
): Promise<SegmentEditResult> {
  const segment = await findSegment(tx, transcriptId, segmentId);
  await assertVersion(segment, edit.baseVersion, tx);
  await assertSpeaker(tx, transcriptId, edit.speakerId);
  const next = {
    text: edit.text ?? segment.text,
    speakerId: edit.speakerId === undefined ? segment.speakerId : edit.speakerId,
    startMs: edit.startMs === undefined ? segment.startMs : edit.startMs,
    endMs: edit.endMs === undefined ? segment.endMs : edit.endMs,
  };
  assertTimings(next.startMs, next.endMs);
  const before = segmentSnapshot(segment);
  const after = segmentSnapshot({ ...segment, ...next });
  let row: SegmentRow = segment;
  let revision: number;
  if (JSON.stringify(before) === JSON.stringify(after)) {
    // Nothing changed: nothing to record, and the revision to report is the transcript's current one.
    revision = (await tx.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { revision: true } }))
      .revision;
  } else {
    const annotationChanges = await reanchorAnnotations(tx, segmentId, segment.text, next.text);
    await refreshMentions(tx, transcriptId, segmentId, segment.text, next.text);
    row = await tx.segment.update({
      where: { id: segmentId },
      data: { ...next, ...stamp(actor) },
      select: segmentSelect,
    });
    revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: revisionAction,
      summary: summary ?? describeEdit(segment, next),
      changes: [change("segment", segmentId, before, after), ...annotationChanges],
    });
  }
  return {
    segment: await toJson(tx, row, transcriptId),
    annotations: await annotationsOf(tx, [segmentId]),
    revision,
  };
}

function describeEdit(
  before: { text: string; speakerId: string | null; startMs: number | null; endMs: number | null },
  after: { text: string; speakerId: string | null; startMs: number | null; endMs: number | null },
): string {
  const parts: string[] = [];
  if (before.text !== after.text) parts.push("text");
  if (before.speakerId !== after.speakerId) parts.push("speaker");
  if (before.startMs !== after.startMs || before.endMs !== after.endMs) parts.push("timing");
  return `Edited a paragraph's ${parts.join(" and ")}`;
}

/**
 * A sort key between two neighbours; null when the two are too close for a key to fall between them. The
 * database keeps 15 significant digits of a Float, so the key is rounded to those: a finer one would be stored
 * equal to a neighbour.
 */
function between(low: number | null, high: number | null): number | null {
  if (low === null && high === null) return 0;
  if (low === null) return (high as number) - 1;
  if (high === null) return low + 1;
  const middle = Number(((low + high) / 2).toPrecision(15));
  return middle > low && middle < high ? middle : null;
}

/**
 * A position right after `after` (or first, when null). When repeated inserts at one spot have used up the room
 * between two neighbours, the transcript's positions are renumbered first (recorded in the revision).
 */
async function positionAfter(
  tx: Tx,
  transcriptId: string,
  after: number | null,
  changes: RevisionChange[],
): Promise<number> {
  // Deleted paragraphs count too: one restored later comes back at its own position, which must still be free.
  const next = await tx.segment.findFirst({
    where: { transcriptId, ...(after === null ? {} : { position: { gt: after } }) },
    orderBy: { position: "asc" },
    select: { position: true },
  });
  const position = between(after, next?.position ?? null);
  if (position !== null) return position;
  const rows = await tx.segment.findMany({
    where: { transcriptId },
    orderBy: { position: "asc" },
    select: { ...fullSegmentSelect },
  });
  let renumbered = after;
  for (const [index, row] of rows.entries()) {
    const fresh = (index + 1) * 1024;
    if (row.position === after) renumbered = fresh;
    await tx.segment.update({ where: { id: row.id }, data: { position: fresh } });
    changes.push(change("segment", row.id, segmentSnapshot(row), segmentSnapshot({ ...row, position: fresh })));
  }
  return positionAfter(tx, transcriptId, renumbered, changes);
}

/** POST /segments: a new paragraph after `afterSegmentId`, or first when null. */
export async function insertSegment(
  actor: Actor,
  transcriptId: string,
  input: { afterSegmentId: string | null; text: string; speakerId?: string | null; startMs?: number | null },
): Promise<{ segment: EditorSegment; revision: number }> {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    await assertSpeaker(tx, transcriptId, input.speakerId);
    const after = input.afterSegmentId ? await findSegment(tx, transcriptId, input.afterSegmentId) : null;
    const changes: RevisionChange[] = [];
    const position = await positionAfter(tx, transcriptId, after?.position ?? null, changes);
    const row = await tx.segment.create({
      data: {
        ...segmentRow({
          transcriptId,
          position,
          speakerId: input.speakerId === undefined ? (after?.speakerId ?? null) : input.speakerId,
          text: input.text,
          startMs: input.startMs ?? null,
          endMs: null,
        }),
        updatedAt: new Date(),
        updatedById: actor.id,
      },
      select: fullSegmentSelect,
    });
    await refreshMentions(tx, transcriptId, row.id, null, row.text);
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "segment.insert",
      summary: "Inserted a paragraph",
      changes: [...changes, change("segment", row.id, null, segmentSnapshot(row))],
    });
    return { segment: await toJson(tx, row, transcriptId), revision };
  });
}

/** Estimates where in time a split falls, from the share of characters before it, so timings are not lost. */
function splitTime(segment: { startMs: number | null; endMs: number | null }, share: number): number | null {
  if (segment.startMs === null || segment.endMs === null) return null;
  return Math.round(segment.startMs + (segment.endMs - segment.startMs) * share);
}

/** POST /segments/:id/split: Enter at `offset`. Annotations go with their words; one across the split needs review. */
export async function splitSegment(
  actor: Actor,
  transcriptId: string,
  segmentId: string,
  { offset, baseVersion }: { offset: number; baseVersion: number },
) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const segment = await findSegment(tx, transcriptId, segmentId);
    await assertVersion(segment, baseVersion, tx);
    if (!Number.isInteger(offset) || offset < 0 || offset > segment.text.length) {
      throw new AppError("UNPROCESSABLE", `The split point must be between 0 and ${segment.text.length}.`);
    }
    const annotations = (await liveAnnotationsOf(tx, [segmentId])).filter((row) => row.status === "ANCHORED");
    const split = splitAnchors(
      segment.text,
      offset,
      annotations.map((row) => ({ row, start: row.start, end: row.end, quote: row })),
    );
    const changes: RevisionChange[] = [];
    const position = await positionAfter(tx, transcriptId, segment.position, changes);
    const middle = splitTime(segment, offset / Math.max(1, segment.text.length));
    const first = await tx.segment.update({
      where: { id: segmentId },
      data: { text: split.first, endMs: middle ?? segment.endMs, ...stamp(actor) },
      select: fullSegmentSelect,
    });
    const second = await tx.segment.create({
      data: {
        ...segmentRow({
          transcriptId,
          position,
          speakerId: segment.speakerId,
          text: split.second,
          startMs: middle,
          endMs: middle === null ? null : segment.endMs,
        }),
        updatedAt: new Date(),
        updatedById: actor.id,
      },
      select: fullSegmentSelect,
    });
    changes.push(
      change("segment", segmentId, segmentSnapshot(segment), segmentSnapshot(first)),
      change("segment", second.id, null, segmentSnapshot(second)),
    );
    for (const anchor of split.anchors) {
      const entry = await moveAnnotation(tx, anchor.row, {
        ...anchor,
        segmentId: anchor.part === "second" ? second.id : segmentId,
      });
      if (entry) changes.push(entry);
    }
    await splitMentions(tx, transcriptId, { segmentId, text: segment.text, offset, secondId: second.id });
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "segment.split",
      summary: "Split a paragraph in two",
      changes,
    });
    return {
      segments: [await toJson(tx, first, transcriptId), await toJson(tx, second, transcriptId)],
      annotations: await annotationsOf(tx, [segmentId, second.id]),
      revision,
    };
  });
}

/** POST /segments/:id/merge: Backspace at the start joins this paragraph onto the previous live one. */
export async function mergeIntoPrevious(
  actor: Actor,
  transcriptId: string,
  segmentId: string,
  { baseVersion, previousBaseVersion }: { baseVersion: number; previousBaseVersion: number },
) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const segment = await findSegment(tx, transcriptId, segmentId);
    await assertVersion(segment, baseVersion, tx);
    const previous = await tx.segment.findFirst({
      where: { transcriptId, deletedAt: null, position: { lt: segment.position } },
      orderBy: { position: "desc" },
      select: fullSegmentSelect,
    });
    if (!previous)
      throw new AppError("UNPROCESSABLE", "This is the first paragraph: there is nothing to merge it into.");
    await assertVersion(previous, previousBaseVersion, tx);

    const toAnchor = (row: Awaited<ReturnType<typeof liveAnnotationsOf>>[number]) => ({
      row,
      start: row.start,
      end: row.end,
      quote: row,
    });
    const previousAnnotations = (await liveAnnotationsOf(tx, [previous.id])).filter((r) => r.status === "ANCHORED");
    const ownAnnotations = (await liveAnnotationsOf(tx, [segmentId])).filter((r) => r.status === "ANCHORED");
    const merged = mergeAnchors(
      previous.text,
      previousAnnotations.map(toAnchor),
      segment.text,
      ownAnnotations.map(toAnchor),
    );
    const changes: RevisionChange[] = [];
    const joined = await tx.segment.update({
      where: { id: previous.id },
      data: { text: merged.text, endMs: segment.endMs ?? previous.endMs, ...stamp(actor) },
      select: fullSegmentSelect,
    });
    const removed = await tx.segment.update({
      where: { id: segmentId },
      data: { deletedAt: new Date(), ...stamp(actor) },
      select: fullSegmentSelect,
    });
    changes.push(
      change("segment", previous.id, segmentSnapshot(previous), segmentSnapshot(joined)),
      change("segment", segmentId, segmentSnapshot(segment), segmentSnapshot(removed)),
    );
    for (const anchor of merged.anchors) {
      const entry = await moveAnnotation(tx, anchor.row, { ...anchor, segmentId: previous.id });
      if (entry) changes.push(entry);
    }
    // Annotations of the merged paragraph that already needed review move too, so they stay listed.
    for (const row of await liveAnnotationsOf(tx, [segmentId])) {
      const entry = await moveAnnotation(tx, row, {
        status: "needs_review",
        start: row.start,
        end: row.end,
        quote: row,
        reason: row.reviewReason ?? undefined,
        segmentId: previous.id,
      });
      if (entry) changes.push(entry);
    }
    await mergeMentions(tx, transcriptId, {
      previousId: previous.id,
      previousText: previous.text,
      segmentId,
      text: segment.text,
    });
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "segment.merge",
      summary: "Merged two paragraphs",
      changes,
    });
    return {
      segment: await toJson(tx, joined, transcriptId),
      removedSegmentId: segmentId,
      annotations: await annotationsOf(tx, [previous.id]),
      revision,
    };
  });
}

/** POST /segments/:id/move: puts the paragraph after another (or first). */
export async function moveSegment(
  actor: Actor,
  transcriptId: string,
  segmentId: string,
  { afterSegmentId }: { afterSegmentId: string | null },
) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const segment = await findSegment(tx, transcriptId, segmentId);
    if (afterSegmentId === segmentId) throw new AppError("UNPROCESSABLE", "A paragraph cannot move after itself.");
    const after = afterSegmentId ? await findSegment(tx, transcriptId, afterSegmentId) : null;
    const changes: RevisionChange[] = [];
    let position: number;
    if (after) {
      position = await positionAfter(tx, transcriptId, after.position, changes);
    } else {
      const first = await tx.segment.findFirst({
        where: { transcriptId, id: { not: segmentId } },
        orderBy: { position: "asc" },
        select: { position: true },
      });
      position = first ? first.position - 1 : 0;
    }
    // Renumbering (rare) may have moved this row too: start from it as it is now.
    const current = await findSegment(tx, transcriptId, segmentId);
    const row = await tx.segment.update({
      where: { id: segmentId },
      data: { position, ...stamp(actor) },
      select: fullSegmentSelect,
    });
    changes.push(
      change(
        "segment",
        segmentId,
        segmentSnapshot(segment.position === current.position ? segment : current),
        segmentSnapshot(row),
      ),
    );
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "segment.move",
      summary: "Moved a paragraph",
      changes,
    });
    return { segment: await toJson(tx, row, transcriptId), revision };
  });
}

const PARAGRAPH_DELETED = "paragraph-deleted";

/** DELETE /segments/:id: soft. Its annotations wait under "needs review" until the paragraph comes back. */
export async function deleteSegment(actor: Actor, transcriptId: string, segmentId: string, baseVersion: number) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const segment = await findSegment(tx, transcriptId, segmentId);
    await assertVersion(segment, baseVersion, tx);
    const row = await tx.segment.update({
      where: { id: segmentId },
      data: { deletedAt: new Date(), ...stamp(actor) },
      select: fullSegmentSelect,
    });
    const changes: RevisionChange[] = [change("segment", segmentId, segmentSnapshot(segment), segmentSnapshot(row))];
    for (const annotation of await liveAnnotationsOf(tx, [segmentId])) {
      if (annotation.status !== "ANCHORED") continue;
      const entry = await moveAnnotation(tx, annotation, {
        status: "needs_review",
        start: annotation.start,
        end: annotation.end,
        quote: annotation,
        reason: PARAGRAPH_DELETED,
      });
      if (entry) changes.push(entry);
    }
    await refreshMentions(tx, transcriptId, segmentId, segment.text, null);
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "segment.delete",
      summary: "Deleted a paragraph",
      changes,
    });
    return { segment: toEditorSegment(row, await indexOf(tx, transcriptId, row.position)), revision };
  });
}

/** POST /segments/:id/restore: brings a deleted paragraph back where it was, with its annotations. */
export async function restoreSegment(actor: Actor, transcriptId: string, segmentId: string) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    const segment = await findSegment(tx, transcriptId, segmentId, { deleted: true });
    const row = await tx.segment.update({
      where: { id: segmentId },
      data: { deletedAt: null, ...stamp(actor) },
      select: fullSegmentSelect,
    });
    const changes: RevisionChange[] = [change("segment", segmentId, segmentSnapshot(segment), segmentSnapshot(row))];
    for (const annotation of await liveAnnotationsOf(tx, [segmentId])) {
      if (annotation.reviewReason !== PARAGRAPH_DELETED) continue;
      const entry = await moveAnnotation(tx, annotation, {
        status: "anchored",
        start: annotation.start,
        end: annotation.end,
        quote: annotation,
      });
      if (entry) changes.push(entry);
    }
    await refreshMentions(tx, transcriptId, segmentId, null, row.text);
    const revision = await recordRevision(tx, {
      transcriptId,
      actorId: actor.id,
      action: "segment.restore",
      summary: "Restored a deleted paragraph",
      changes,
    });
    return { segment: await toJson(tx, row, transcriptId), revision };
  });
}

/** POST /segments/speaker: one speaker for many paragraphs at once (or none). */
export async function setSpeakerFor(
  actor: Actor,
  transcriptId: string,
  { segmentIds, speakerId }: { segmentIds: string[]; speakerId: string | null },
) {
  return withTranscript(actor, transcriptId, "edit", async (tx) => {
    await assertSpeaker(tx, transcriptId, speakerId);
    const rows = await tx.segment.findMany({
      where: { id: { in: segmentIds }, transcriptId, deletedAt: null },
      select: fullSegmentSelect,
    });
    if (rows.length !== new Set(segmentIds).size) {
      throw new AppError("NOT_FOUND", "Some of those paragraphs are not in this transcript.");
    }
    const changes: RevisionChange[] = [];
    const updated: FullSegment[] = [];
    for (const row of rows) {
      if (row.speakerId === speakerId) continue;
      const next = await tx.segment.update({
        where: { id: row.id },
        data: { speakerId, ...stamp(actor) },
        select: fullSegmentSelect,
      });
      updated.push(next);
      changes.push(change("segment", row.id, segmentSnapshot(row), segmentSnapshot(next)));
    }
    let revision = (await tx.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { revision: true } }))
      .revision;
    if (changes.length > 0) {
      revision = await recordRevision(tx, {
        transcriptId,
        actorId: actor.id,
        action: "segment.speaker",
        summary: `Changed the speaker of ${changes.length} paragraph${changes.length === 1 ? "" : "s"}`,
        changes: changed(changes),
      });
    }
    const segments = await Promise.all(updated.map((row) => toJson(tx, row, transcriptId)));
    return { segments, revision };
  });
}
