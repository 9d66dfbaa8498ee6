// Keeping a paragraph's annotations and entity mentions on their words when its text changes, at save time and in
// the same transaction as the change (lib/anchoring does the text work; this applies it to the rows).
import { reanchorAll, quoteSelector, type Reanchored } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RevisionChange } from "@/lib/json-columns";
import { annotationSnapshot, change } from "@/lib/editor/revisions";
import { annotationFieldsSelect } from "@/lib/editor/serialize";
import { mentionMatcher } from "@/lib/transcripts/mentions";

type Tx = Prisma.TransactionClient;

const annotationRowSelect = { ...annotationFieldsSelect, deletedAt: true } satisfies Prisma.AnnotationSelect;
export type AnnotationFullRow = Prisma.AnnotationGetPayload<{ select: typeof annotationRowSelect }>;

export async function liveAnnotationsOf(tx: Tx, segmentIds: string[]): Promise<AnnotationFullRow[]> {
  return tx.annotation.findMany({
    where: { segmentId: { in: segmentIds }, deletedAt: null },
    select: annotationRowSelect,
  });
}

/**
 * Writes one annotation's new place (or its "needs review" state) when it differs from the row, and returns the
 * revision change. `segmentId` moves it to another paragraph (split, merge).
 */
export async function moveAnnotation(
  tx: Tx,
  row: AnnotationFullRow,
  next: Reanchored & { segmentId?: string },
): Promise<RevisionChange | null> {
  const status = next.status === "anchored" ? "ANCHORED" : "NEEDS_REVIEW";
  const after = {
    ...row,
    segmentId: next.segmentId ?? row.segmentId,
    start: next.start,
    end: next.end,
    exact: next.quote.exact,
    prefix: next.quote.prefix,
    suffix: next.quote.suffix,
    status,
    reviewReason: next.status === "anchored" ? null : (next.reason ?? "needs-review"),
  };
  const before = annotationSnapshot(row);
  const afterSnapshot = annotationSnapshot(after);
  if (JSON.stringify(before) === JSON.stringify(afterSnapshot)) return null;
  await tx.annotation.update({
    where: { id: row.id },
    data: {
      segmentId: after.segmentId,
      start: after.start,
      end: after.end,
      exact: after.exact,
      prefix: after.prefix,
      suffix: after.suffix,
      status,
      reviewReason: after.reviewReason,
      version: { increment: 1 },
    },
  });
  return change("annotation", row.id, before, afterSnapshot);
}

const asAnchor = (row: AnnotationFullRow) => ({
  row,
  start: row.start,
  end: row.end,
  quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
});

/**
 * Re-anchors the paragraph's anchored annotations from the diff between its old and new text. Annotations that
 * already need review are left for a person to re-attach. Returns the revision changes.
 */
export async function reanchorAnnotations(
  tx: Tx,
  segmentId: string,
  oldText: string,
  newText: string,
): Promise<RevisionChange[]> {
  if (oldText === newText) return [];
  const rows = (await liveAnnotationsOf(tx, [segmentId])).filter((row) => row.status === "ANCHORED");
  const changes: RevisionChange[] = [];
  for (const result of reanchorAll(oldText, newText, rows.map(asAnchor))) {
    const entry = await moveAnnotation(tx, result.row, result);
    if (entry) changes.push(entry);
  }
  return changes;
}

/** The fresh quote selector of a range, for annotations created or re-attached by a person. */
export function selectorFor(text: string, start: number, end: number) {
  return quoteSelector(text, { start, end });
}

/**
 * Re-anchors a paragraph's entity mentions after its text changed: a mention whose words survive the edit keeps
 * them (at their new offsets); one whose words changed is dropped; new occurrences of the transcript's entity
 * names are added. Then every touched entity's mentionCount is recounted from the rows, so the two always agree.
 */
export async function refreshMentions(
  tx: Tx,
  transcriptId: string,
  segmentId: string,
  oldText: string | null,
  newText: string | null,
): Promise<void> {
  if (oldText === newText) return;
  const existing = await tx.mention.findMany({
    where: { segmentId },
    select: { id: true, start: true, end: true, transcriptEntityId: true },
  });
  const touched = new Set(existing.map((mention) => mention.transcriptEntityId));
  const kept: { start: number; end: number; transcriptEntityId: string }[] = [];
  const overlaps = (start: number, end: number, linkId: string) =>
    kept.some((mention) => mention.transcriptEntityId === linkId && mention.start < end && start < mention.end);
  if (newText !== null && oldText !== null && existing.length > 0) {
    const anchors = existing.map((mention) => ({
      ...mention,
      was: { start: mention.start, end: mention.end },
      quote: selectorFor(oldText, mention.start, mention.end),
    }));
    for (const result of reanchorAll(oldText, newText, anchors)) {
      // A mention is the entity's exact name: it survives only if those very words are still there. One whose
      // words went can be found again on another mention's words (the name's other occurrence): that one goes.
      const words = oldText.slice(result.was.start, result.was.end);
      if (
        result.status === "anchored" &&
        newText.slice(result.start, result.end) === words &&
        !overlaps(result.start, result.end, result.transcriptEntityId)
      ) {
        kept.push({ start: result.start, end: result.end, transcriptEntityId: result.transcriptEntityId });
        if (result.start !== result.was.start || result.end !== result.was.end) {
          await tx.mention.update({ where: { id: result.id }, data: { start: result.start, end: result.end } });
        }
      } else {
        await tx.mention.delete({ where: { id: result.id } });
      }
    }
  } else if (existing.length > 0) {
    await tx.mention.deleteMany({ where: { segmentId } });
  }

  if (newText !== null) {
    const links = await tx.transcriptEntity.findMany({
      where: { transcriptId, status: { not: "REJECTED" } },
      select: { id: true, entity: { select: { name: true } } },
    });
    const idsByName = new Map<string, string[]>();
    for (const link of links) idsByName.set(link.entity.name, [...(idsByName.get(link.entity.name) ?? []), link.id]);
    for (const match of mentionMatcher([...idsByName.keys()])(newText)) {
      for (const linkId of idsByName.get(match.name) ?? []) {
        if (overlaps(match.start, match.end, linkId)) continue;
        await tx.mention.create({
          data: { transcriptEntityId: linkId, segmentId, start: match.start, end: match.end },
        });
        kept.push({ start: match.start, end: match.end, transcriptEntityId: linkId });
        touched.add(linkId);
      }
    }
  }
  await recountMentions(tx, [...touched]);
}

/** mentionCount is always the number of stored Mention rows. */
export async function recountMentions(tx: Tx, transcriptEntityIds: string[]): Promise<void> {
  for (const id of transcriptEntityIds) {
    const count = await tx.mention.count({ where: { transcriptEntityId: id } });
    await tx.transcriptEntity.update({ where: { id }, data: { mentionCount: count } });
  }
}
