// A transcript's history: the list of revisions, a readable comparison of any two, and restoring one. A restore
// is itself a new revision that puts back what the later ones changed; nothing is destroyed.
import { wordDiff, type DiffPart } from "@/lib/anchoring";
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readJson, revisionChangesSchema, type RevisionChange, type RevisionRowType } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { requireTranscriptFor, withTranscript } from "@/lib/transcripts/access";
import { recountMentions, refreshMentions } from "@/lib/editor/mentions";
import { matchEverywhere } from "@/lib/editor/entities";
import { CHANGED_PARAGRAPHS_PAGE, REVISIONS_PAGE, pageCountOf } from "@/lib/editor/paging";
import { createSlicer, SLICED_TRANSACTION_TIMEOUT_MS } from "@/lib/ops/slices";
import {
  annotationSnapshot,
  change,
  entitySnapshot,
  recordRevision,
  segmentSnapshot,
  speakerSnapshot,
  transcriptSnapshot,
  type AnnotationSnapshot,
  type EntitySnapshot,
  type SegmentSnapshot,
  type SpeakerSnapshot,
  type TranscriptSnapshot,
} from "@/lib/editor/revisions";

type Tx = Prisma.TransactionClient;
type Snapshot = Record<string, unknown>;

export interface RevisionSummary {
  number: number;
  at: string;
  action: string;
  summary: string;
  actor: { id: string; name: string } | null;
  changeCount: number;
}

export interface RevisionPage {
  /** Newest first. */
  revisions: RevisionSummary[];
  total: number;
  page: number;
  pageCount: number;
}

/** The revisions, newest first, a page at a time (a page past the last shows the last). */
export async function listRevisions(
  actor: Actor,
  transcriptId: string,
  { page = 1, pageSize = REVISIONS_PAGE }: { page?: number; pageSize?: number } = {},
): Promise<RevisionPage> {
  await requireTranscriptFor(actor, transcriptId);
  const total = await db.revision.count({ where: { transcriptId } });
  const pageCount = pageCountOf(total, pageSize);
  const shown = Math.min(Math.max(1, page), pageCount);
  const rows = await db.revision.findMany({
    where: { transcriptId },
    orderBy: { number: "desc" },
    skip: (shown - 1) * pageSize,
    take: pageSize,
    select: {
      number: true,
      at: true,
      action: true,
      summary: true,
      changes: true,
      actor: { select: { id: true, name: true } },
    },
  });
  const revisions = rows.map((row) => ({
    number: row.number,
    at: row.at.toISOString(),
    action: row.action,
    summary: row.summary,
    actor: row.actor,
    changeCount: readJson(revisionChangesSchema, row.changes, []).length,
  }));
  return { revisions, total, page: shown, pageCount };
}

interface NetChange {
  type: RevisionRowType;
  id: string;
  before: Snapshot | null;
  after: Snapshot | null;
}

/**
 * The net change of every row between two revisions: the state before the first change after `from`, and after
 * the last change up to `to`. Rows changed and changed back drop out.
 */
async function netChanges(tx: Tx | typeof db, transcriptId: string, from: number, to: number): Promise<NetChange[]> {
  const revisions = await tx.revision.findMany({
    where: { transcriptId, number: { gt: from, lte: to } },
    orderBy: { number: "asc" },
    select: { changes: true },
  });
  const net = new Map<string, NetChange>();
  for (const revision of revisions) {
    for (const entry of readJson(revisionChangesSchema, revision.changes, []) as RevisionChange[]) {
      const key = `${entry.type}:${entry.id}`;
      const existing = net.get(key);
      if (existing) existing.after = entry.after;
      else net.set(key, { type: entry.type, id: entry.id, before: entry.before, after: entry.after });
    }
  }
  return [...net.values()].filter((entry) => JSON.stringify(entry.before) !== JSON.stringify(entry.after));
}

export interface ParagraphDiff {
  id: string;
  kind: "added" | "deleted" | "restored" | "edited";
  parts: DiffPart[];
  speakerBefore: string | null;
  speakerAfter: string | null;
  timingBefore: { startMs: number | null; endMs: number | null } | null;
  timingAfter: { startMs: number | null; endMs: number | null } | null;
  moved: boolean;
  /** For ordering: the paragraph's sort key after (or before, when deleted). */
  order: number;
}

export interface FieldDiff {
  field: string;
  before: string | null;
  after: string | null;
}

export interface RowDiff {
  id: string;
  kind: "added" | "removed" | "changed";
  label: string;
  fields: FieldDiff[];
}

export interface Comparison {
  from: number;
  to: number;
  details: FieldDiff[];
  /** One page of the changed paragraphs, in reading order (word diffs are made for this page only). */
  paragraphs: ParagraphDiff[];
  /** Changed paragraphs in all, and which page of them `paragraphs` is. */
  paragraphCount: number;
  paragraphPage: number;
  paragraphPageCount: number;
  paragraphPageSize: number;
  speakers: RowDiff[];
  annotations: RowDiff[];
  entities: RowDiff[];
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function fieldDiffs(before: Snapshot | null, after: Snapshot | null, skip: string[] = []): FieldDiff[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const fields: FieldDiff[] = [];
  for (const key of keys) {
    if (skip.includes(key)) continue;
    const a = text(before?.[key]);
    const b = text(after?.[key]);
    if (a !== b) fields.push({ field: key, before: a, after: b });
  }
  return fields;
}

/** A changed paragraph before its word diff is made: only the page shown gets one. */
type ParagraphChange = Omit<ParagraphDiff, "parts"> & { textBefore: string; textAfter: string };

/**
 * A readable comparison of revision `from` with revision `to` (either order). A change across a whole transcript
 * touches thousands of paragraphs: they come a page at a time (`paragraphPage`, from 1; past the last shows the last).
 */
export async function compareRevisions(
  actor: Actor,
  transcriptId: string,
  first: number,
  second: number,
  { paragraphPage = 1, pageSize = CHANGED_PARAGRAPHS_PAGE }: { paragraphPage?: number; pageSize?: number } = {},
): Promise<Comparison> {
  const transcript = await requireTranscriptFor(actor, transcriptId);
  const [from, to] = first <= second ? [first, second] : [second, first];
  if (from < 1 || to > transcript.revision) {
    throw new AppError("NOT_FOUND", `This transcript has revisions 1 to ${transcript.revision}.`);
  }
  const changes = await netChanges(db, transcriptId, from, to);
  const speakerIds = new Set<string>();
  for (const entry of changes) {
    if (entry.type !== "segment") continue;
    for (const snapshot of [entry.before, entry.after])
      if (snapshot?.speakerId) speakerIds.add(String(snapshot.speakerId));
  }
  const names = new Map(
    (await db.speaker.findMany({ where: { id: { in: [...speakerIds] } }, select: { id: true, name: true } })).map(
      (row) => [row.id, row.name],
    ),
  );
  for (const entry of changes) {
    if (entry.type === "speaker") names.set(entry.id, String((entry.after ?? entry.before)?.name ?? "a speaker"));
  }
  const speakerName = (snapshot: Snapshot | null) =>
    snapshot?.speakerId ? (names.get(String(snapshot.speakerId)) ?? "a removed speaker") : null;

  const comparison: Comparison = {
    from,
    to,
    details: [],
    paragraphs: [],
    paragraphCount: 0,
    paragraphPage: 1,
    paragraphPageCount: 1,
    paragraphPageSize: pageSize,
    speakers: [],
    annotations: [],
    entities: [],
  };
  const paragraphs: ParagraphChange[] = [];
  for (const entry of changes) {
    if (entry.type === "transcript") comparison.details.push(...fieldDiffs(entry.before, entry.after));
    if (entry.type === "segment") {
      const before = entry.before as SegmentSnapshot | null;
      const after = entry.after as SegmentSnapshot | null;
      const liveBefore = before && !before.deletedAt ? before : null;
      const liveAfter = after && !after.deletedAt ? after : null;
      if (!liveBefore && !liveAfter) continue;
      const kind = !liveBefore ? (before ? "restored" : "added") : !liveAfter ? "deleted" : "edited";
      const moved = Boolean(liveBefore && liveAfter && liveBefore.position !== liveAfter.position);
      const textChanged = (liveBefore?.text ?? "") !== (liveAfter?.text ?? "");
      const speakerChanged = liveBefore?.speakerId !== liveAfter?.speakerId;
      const timing = (snapshot: SegmentSnapshot | null) =>
        snapshot ? { startMs: snapshot.startMs, endMs: snapshot.endMs } : null;
      const timingChanged = JSON.stringify(timing(liveBefore)) !== JSON.stringify(timing(liveAfter));
      if (kind === "edited" && !textChanged && !speakerChanged && !timingChanged && !moved) continue;
      paragraphs.push({
        id: entry.id,
        kind,
        textBefore: liveBefore?.text ?? "",
        textAfter: liveAfter?.text ?? "",
        speakerBefore: speakerName(liveBefore),
        speakerAfter: speakerName(liveAfter),
        timingBefore: timing(liveBefore),
        timingAfter: timing(liveAfter),
        moved,
        order: (liveAfter ?? liveBefore)!.position,
      });
    }
    if (entry.type === "speaker" || entry.type === "annotation" || entry.type === "entity") {
      const kind = !entry.before ? "added" : !entry.after ? "removed" : "changed";
      const snapshot = (entry.after ?? entry.before)!;
      const deletedNow = entry.type === "annotation" && entry.after?.deletedAt && !entry.before?.deletedAt;
      const label =
        entry.type === "speaker"
          ? String(snapshot.name)
          : entry.type === "annotation"
            ? `${String(snapshot.kind).toLowerCase()} on “${String(snapshot.exact)}”`
            : String(snapshot.entityId);
      const row: RowDiff = {
        id: entry.id,
        kind: deletedNow ? "removed" : kind,
        label,
        fields: kind === "changed" ? fieldDiffs(entry.before, entry.after, ["prefix", "suffix"]) : [],
      };
      comparison[entry.type === "speaker" ? "speakers" : entry.type === "annotation" ? "annotations" : "entities"].push(
        row,
      );
    }
  }
  paragraphs.sort((a, b) => a.order - b.order);
  const pageCount = pageCountOf(paragraphs.length, pageSize);
  const page = Math.min(Math.max(1, paragraphPage), pageCount);
  comparison.paragraphCount = paragraphs.length;
  comparison.paragraphPage = page;
  comparison.paragraphPageCount = pageCount;
  comparison.paragraphs = paragraphs
    .slice((page - 1) * pageSize, page * pageSize)
    .map(({ textBefore, textAfter, ...paragraph }) => ({ ...paragraph, parts: wordDiff(textBefore, textAfter) }));
  return comparison;
}

const date = (value: unknown) => (value ? new Date(String(value)) : null);

/** Puts one row back to `target` (null: the row did not exist then) and returns the change it made. */
async function putBack(tx: Tx, actor: Actor, transcriptId: string, entry: NetChange): Promise<RevisionChange | null> {
  const target = entry.before;
  switch (entry.type) {
    case "transcript": {
      const row = await tx.transcript.findUniqueOrThrow({ where: { id: transcriptId } });
      const wanted = target as TranscriptSnapshot;
      if (
        await tx.transcript.findFirst({ where: { slug: wanted.slug, id: { not: transcriptId } }, select: { id: true } })
      ) {
        throw new AppError(
          "CONFLICT",
          `The address “${wanted.slug}” is now used by another transcript: change it first.`,
        );
      }
      const next = await tx.transcript.update({
        where: { id: transcriptId },
        data: {
          title: wanted.title,
          slug: wanted.slug,
          summary: wanted.summary,
          occurredAt: date(wanted.occurredAt),
          place: wanted.place,
          sourceUrl: wanted.sourceUrl,
          mediaUrl: wanted.mediaUrl,
          fidelity: wanted.fidelity as "VERBATIM",
          tags: wanted.tags,
          version: { increment: 1 },
        },
      });
      return change("transcript", transcriptId, transcriptSnapshot(row), transcriptSnapshot(next));
    }
    case "speaker": {
      const row = await tx.speaker.findUnique({ where: { id: entry.id } });
      if (!target) {
        if (!row) return null;
        await tx.segment.updateMany({ where: { speakerId: entry.id }, data: { speakerId: null } });
        await tx.speaker.delete({ where: { id: entry.id } });
        return change("speaker", entry.id, speakerSnapshot(row), null);
      }
      const wanted = target as SpeakerSnapshot;
      // A speaker with that name may exist now (added after): free the name first.
      await tx.speaker.updateMany({
        where: { transcriptId, name: wanted.name, id: { not: entry.id } },
        data: { name: `${wanted.name} (later)` },
      });
      const data = {
        name: wanted.name,
        title: wanted.title,
        role: wanted.role as "SPEAKER" | null,
        outlet: wanted.outlet,
        personId: wanted.personId,
        position: wanted.position,
      };
      const next = row
        ? await tx.speaker.update({ where: { id: entry.id }, data })
        : await tx.speaker.create({ data: { id: entry.id, transcriptId, ...data } });
      return change("speaker", entry.id, row ? speakerSnapshot(row) : null, speakerSnapshot(next));
    }
    case "segment": {
      const row = await tx.segment.findUnique({ where: { id: entry.id } });
      if (!row) return null;
      const wanted: SegmentSnapshot = target
        ? (target as SegmentSnapshot)
        : { ...segmentSnapshot(row), deletedAt: row.deletedAt?.toISOString() ?? new Date().toISOString() };
      const next = await tx.segment.update({
        where: { id: entry.id },
        data: {
          position: wanted.position,
          speakerId: wanted.speakerId,
          text: wanted.text,
          startMs: wanted.startMs,
          endMs: wanted.endMs,
          deletedAt: date(wanted.deletedAt),
          version: { increment: 1 },
          updatedAt: new Date(),
          updatedById: actor.id,
        },
      });
      await refreshMentions(
        tx,
        transcriptId,
        entry.id,
        row.deletedAt ? null : row.text,
        next.deletedAt ? null : next.text,
      );
      return change("segment", entry.id, segmentSnapshot(row), segmentSnapshot(next));
    }
    case "annotation": {
      const row = await tx.annotation.findUnique({ where: { id: entry.id } });
      if (!row) return null;
      const wanted: AnnotationSnapshot = target
        ? (target as AnnotationSnapshot)
        : { ...annotationSnapshot(row), deletedAt: row.deletedAt?.toISOString() ?? new Date().toISOString() };
      const next = await tx.annotation.update({
        where: { id: entry.id },
        data: {
          segmentId: wanted.segmentId,
          start: wanted.start,
          end: wanted.end,
          exact: wanted.exact,
          prefix: wanted.prefix,
          suffix: wanted.suffix,
          status: wanted.status as "ANCHORED",
          reviewReason: wanted.reviewReason,
          kind: wanted.kind as "NOTE",
          body: wanted.body,
          verdict: wanted.verdict as "FALSE" | null,
          claim: wanted.claim,
          sources: wanted.sources,
          checker: wanted.checker,
          resolvedAt: date(wanted.resolvedAt),
          deletedAt: date(wanted.deletedAt),
          version: { increment: 1 },
        },
      });
      return change("annotation", entry.id, annotationSnapshot(row), annotationSnapshot(next));
    }
    case "entity": {
      const row = await tx.transcriptEntity.findUnique({ where: { id: entry.id } });
      if (!row) return null;
      const wanted = (target as EntitySnapshot | null) ?? { entityId: row.entityId, status: "REJECTED" };
      const next = await tx.transcriptEntity.update({
        where: { id: entry.id },
        data: { status: wanted.status as "ACCEPTED" },
        include: { entity: { select: { name: true } } },
      });
      // An entity that comes back (from a rejection or a merge) finds its mentions again.
      if (row.status === "REJECTED" && next.status !== "REJECTED") {
        await takeBackMergedMentions(tx, transcriptId, entry.id, next.entity.name);
        await matchEverywhere(tx, transcriptId, entry.id, next.entity.name);
      }
      return change("entity", entry.id, entitySnapshot(row), entitySnapshot(next));
    }
  }
}

/** Mentions of `name` that a merge gave to another entity of the transcript come back to `linkId`. */
async function takeBackMergedMentions(tx: Tx, transcriptId: string, linkId: string, name: string) {
  const others = await tx.mention.findMany({
    where: { status: "ANCHORED", transcriptEntity: { transcriptId, id: { not: linkId } } },
    select: {
      id: true,
      start: true,
      end: true,
      transcriptEntityId: true,
      segment: { select: { text: true } },
      transcriptEntity: { select: { entity: { select: { name: true } } } },
    },
  });
  const moved = others.filter(
    (mention) =>
      mention.segment.text.slice(mention.start, mention.end) === name && mention.transcriptEntity.entity.name !== name,
  );
  if (moved.length === 0) return;
  await tx.mention.updateMany({
    where: { id: { in: moved.map((mention) => mention.id) } },
    data: { transcriptEntityId: linkId },
  });
  await recountMentions(tx, [...new Set(moved.map((mention) => mention.transcriptEntityId))]);
}

const ORDER: Record<RevisionRowType, number> = { transcript: 0, speaker: 1, segment: 2, annotation: 3, entity: 4 };

/** Restores revision `number`: a new revision that undoes, row by row, everything the later revisions changed. */
export async function restoreRevision(actor: Actor, transcriptId: string, number: number) {
  return withTranscript(
    actor,
    transcriptId,
    "edit",
    async (tx, transcript) => {
      if (number < 1 || number >= transcript.revision) {
        throw new AppError(
          "UNPROCESSABLE",
          number === transcript.revision
            ? "That is the current revision already."
            : `This transcript has revisions 1 to ${transcript.revision}.`,
        );
      }
      const net = await netChanges(tx, transcriptId, number, transcript.revision);
      // Speakers that come back go first (paragraphs point at them); speakers that go, last.
      const ordered = net.sort((a, b) => {
        const late = (entry: NetChange) => (entry.type === "speaker" && !entry.before ? 10 : ORDER[entry.type]);
        return late(a) - late(b);
      });
      const changes: RevisionChange[] = [];
      // Restoring before a change across a whole transcript puts back thousands of rows: other requests are answered
      // between them (lib/ops/slices.ts), and the transaction is given the time that takes.
      const slicer = createSlicer();
      for (const entry of ordered) {
        await slicer.slice();
        const applied = await putBack(tx, actor, transcriptId, entry);
        if (applied) changes.push(applied);
      }
      const revision = await recordRevision(tx, {
        transcriptId,
        actorId: actor.id,
        action: "revision.restore",
        summary: `Restored revision ${number}`,
        changes,
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "transcript.revision_restored",
        targetType: "transcript",
        targetId: transcriptId,
        details: { restored: number, revision },
      });
      return { revision, restored: number, changed: changes.length };
    },
    { timeoutMs: SLICED_TRANSACTION_TIMEOUT_MS },
  );
}
