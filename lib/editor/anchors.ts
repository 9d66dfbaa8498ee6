// Keeping a paragraph's annotations on their words when its text changes, at save time and in the same transaction
// as the change (lib/anchoring does the text work; this applies it to the rows; mentions.ts does the same for
// entity mentions).
import { reanchorAll, quoteSelector, type Reanchored } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RevisionChange } from "@/lib/json-columns";
import { annotationSnapshot, change } from "@/lib/editor/revisions";
import { annotationFieldsSelect } from "@/lib/editor/serialize";

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
