// Entity mentions follow their words through edits by the same rule as annotations (lib/anchoring). Mentions are
// found by name, so a mention whose words are the entity's name is simply found again wherever the name now is; one
// whose words are not the name (an alias a person merged in: "Stoltenberg" under "Jens Stoltenberg") cannot be, and
// when an edit moves or cuts its words it waits in "Needs review" for a person, uncounted, instead of being lost
// or guessed onto other words.
import {
  mergeAnchors,
  quoteSelector,
  reanchorAll,
  REVIEW_DELETED,
  splitAnchors,
  type Reanchored,
} from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mentionMatcher } from "@/lib/transcripts/mentions";
import { mentionRow } from "@/lib/transcripts/rows";

type Tx = Prisma.TransactionClient;

const mentionRowSelect = {
  id: true,
  segmentId: true,
  start: true,
  end: true,
  transcriptEntityId: true,
  transcriptEntity: { select: { entity: { select: { name: true } } } },
} satisfies Prisma.MentionSelect;

type MentionRow = Prisma.MentionGetPayload<{ select: typeof mentionRowSelect }>;

/** Where one anchored mention goes: the anchoring result, in which paragraph, and the words it had. */
interface Placement {
  row: MentionRow;
  result: Reanchored;
  segmentId: string;
  text: string;
  words: string;
}

interface Kept {
  segmentId: string;
  start: number;
  end: number;
  transcriptEntityId: string;
}

async function anchoredMentionsOf(tx: Tx, segmentId: string): Promise<MentionRow[]> {
  return tx.mention.findMany({ where: { segmentId, status: "ANCHORED" }, select: mentionRowSelect });
}

function asAnchor(row: MentionRow, text: string) {
  return { row, start: row.start, end: row.end, quote: quoteSelector(text, row) };
}

const overlapsKept = (kept: readonly Kept[], segmentId: string, start: number, end: number, linkId: string) =>
  kept.some(
    (other) =>
      other.segmentId === segmentId && other.transcriptEntityId === linkId && other.start < end && start < other.end,
  );

/**
 * Writes each mention's new place. Its very words, still there: kept at their new offsets. Its words changed or
 * gone, or its words are the name (the matcher finds the name again): removed. An alias whose words moved, were
 * cut or became ambiguous: needs review, keeping its old words to show and to search for.
 */
async function settle(tx: Tx, placements: readonly Placement[], kept: Kept[]): Promise<Set<string>> {
  const touched = new Set<string>();
  for (const { row, result, segmentId, text, words } of placements) {
    const isSameWords = result.status === "anchored" && text.slice(result.start, result.end) === words;
    if (isSameWords && !overlapsKept(kept, segmentId, result.start, result.end, row.transcriptEntityId)) {
      kept.push({ segmentId, start: result.start, end: result.end, transcriptEntityId: row.transcriptEntityId });
      if (result.start !== row.start || result.end !== row.end || segmentId !== row.segmentId) {
        await tx.mention.update({
          where: { id: row.id },
          data: { segmentId, start: result.start, end: result.end },
        });
      }
      continue;
    }
    // From here on the mention stops being counted: removed, or waiting for review.
    touched.add(row.transcriptEntityId);
    if (
      result.status === "anchored" ||
      result.reason === REVIEW_DELETED ||
      words === row.transcriptEntity.entity.name
    ) {
      await tx.mention.delete({ where: { id: row.id } });
    } else {
      await tx.mention.update({
        where: { id: row.id },
        data: {
          segmentId,
          start: result.start,
          end: result.end,
          status: "NEEDS_REVIEW",
          reviewReason: result.reason ?? null,
          ...result.quote,
        },
      });
    }
  }
  return touched;
}

/** The transcript's entity names (not rejected), each with the links that carry it. */
export type NameIndex = Map<string, string[]>;

export async function loadNameIndex(tx: Tx, transcriptId: string): Promise<NameIndex> {
  const links = await tx.transcriptEntity.findMany({
    where: { transcriptId, status: { not: "REJECTED" } },
    select: { id: true, entity: { select: { name: true } } },
  });
  const idsByName: NameIndex = new Map();
  for (const link of links) idsByName.set(link.entity.name, [...(idsByName.get(link.entity.name) ?? []), link.id]);
  return idsByName;
}

/** Stores a mention for every occurrence of the transcript's entity names in `text` not already held. */
async function matchNames(
  tx: Tx,
  transcriptId: string,
  segmentId: string,
  text: string,
  kept: Kept[],
  names?: NameIndex,
) {
  const idsByName = names ?? (await loadNameIndex(tx, transcriptId));
  const touched = new Set<string>();
  for (const match of mentionMatcher([...idsByName.keys()])(text)) {
    for (const linkId of idsByName.get(match.name) ?? []) {
      if (overlapsKept(kept, segmentId, match.start, match.end, linkId)) continue;
      await tx.mention.create({
        data: mentionRow({ transcriptEntityId: linkId, segmentId, start: match.start, end: match.end }),
      });
      kept.push({ segmentId, start: match.start, end: match.end, transcriptEntityId: linkId });
      touched.add(linkId);
    }
  }
  return touched;
}

/** mentionCount is always the number of anchored Mention rows: one waiting for review is not counted. */
export async function recountMentions(tx: Tx, transcriptEntityIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(transcriptEntityIds)];
  if (ids.length === 0) return;
  // Two reads for any number of entities, then a write only where the count changed: a save touching a paragraph
  // with ten named people costs two queries, not twenty.
  const counted = await tx.mention.groupBy({
    by: ["transcriptEntityId"],
    where: { transcriptEntityId: { in: ids }, status: "ANCHORED" },
    _count: { _all: true },
  });
  const links = await tx.transcriptEntity.findMany({
    where: { id: { in: ids } },
    select: { id: true, mentionCount: true },
  });
  const counts = new Map(counted.map((row) => [row.transcriptEntityId, row._count._all]));
  for (const link of links) {
    const count = counts.get(link.id) ?? 0;
    if (count !== link.mentionCount) {
      await tx.transcriptEntity.update({ where: { id: link.id }, data: { mentionCount: count } });
    }
  }
}

/**
 * Re-anchors a paragraph's mentions after its text changed (null: the paragraph did not exist, or no longer does),
 * then finds the entity names in the new text. Every touched entity's count is recounted from the rows.
 */
export async function refreshMentions(
  tx: Tx,
  transcriptId: string,
  segmentId: string,
  oldText: string | null,
  newText: string | null,
  /**
   * For one operation over many paragraphs (replace across a transcript): the names, loaded once, and the entities
   * touched so far, which the caller recounts once at the end (`recountMentions`) instead of after each paragraph.
   */
  batch?: { names: NameIndex; touched: Set<string> },
): Promise<void> {
  if (oldText === newText) return;
  const touched = batch?.touched ?? new Set<string>();
  const kept: Kept[] = [];
  if (newText === null) {
    const gone = await tx.mention.findMany({ where: { segmentId }, select: { transcriptEntityId: true } });
    for (const mention of gone) touched.add(mention.transcriptEntityId);
    await tx.mention.deleteMany({ where: { segmentId } });
  } else {
    if (oldText !== null) {
      const rows = await anchoredMentionsOf(tx, segmentId);
      const results = reanchorAll(
        oldText,
        newText,
        rows.map((row) => asAnchor(row, oldText)),
      );
      const placements = results.map((result) => ({
        row: result.row,
        result,
        segmentId,
        text: newText,
        words: oldText.slice(result.row.start, result.row.end),
      }));
      for (const id of await settle(tx, placements, kept)) touched.add(id);
    }
    for (const id of await matchNames(tx, transcriptId, segmentId, newText, kept, batch?.names)) touched.add(id);
  }
  if (!batch) await recountMentions(tx, touched);
}

/** A paragraph split at `offset` into `first` (same row) and a new `secondId`: mentions go with their words. */
export async function splitMentions(
  tx: Tx,
  transcriptId: string,
  { segmentId, text, offset, secondId }: { segmentId: string; text: string; offset: number; secondId: string },
): Promise<void> {
  const rows = await anchoredMentionsOf(tx, segmentId);
  const split = splitAnchors(
    text,
    offset,
    rows.map((row) => asAnchor(row, text)),
  );
  const kept: Kept[] = [];
  const placements = split.anchors.map((anchor) => ({
    row: anchor.row,
    result: anchor,
    segmentId: anchor.part === "second" ? secondId : segmentId,
    text: anchor.part === "second" ? split.second : split.first,
    words: text.slice(anchor.row.start, anchor.row.end),
  }));
  const touched = await settle(tx, placements, kept);
  for (const id of await matchNames(tx, transcriptId, segmentId, split.first, kept)) touched.add(id);
  for (const id of await matchNames(tx, transcriptId, secondId, split.second, kept)) touched.add(id);
  await recountMentions(tx, touched);
}

/** Paragraph `segmentId` merged onto `previousId`: mentions of both end up on the joined text. */
export async function mergeMentions(
  tx: Tx,
  transcriptId: string,
  merge: { previousId: string; previousText: string; segmentId: string; text: string },
): Promise<void> {
  const [previousRows, ownRows] = await Promise.all([
    anchoredMentionsOf(tx, merge.previousId),
    anchoredMentionsOf(tx, merge.segmentId),
  ]);
  const merged = mergeAnchors(
    merge.previousText,
    previousRows.map((row) => asAnchor(row, merge.previousText)),
    merge.text,
    ownRows.map((row) => asAnchor(row, merge.text)),
  );
  const wordsOf = (row: MentionRow) =>
    (row.segmentId === merge.previousId ? merge.previousText : merge.text).slice(row.start, row.end);
  const kept: Kept[] = [];
  const touched = await settle(
    tx,
    merged.anchors.map((anchor) => ({
      row: anchor.row,
      result: anchor,
      segmentId: merge.previousId,
      text: merged.text,
      words: wordsOf(anchor.row),
    })),
    kept,
  );
  // Mentions of the merged paragraph already waiting for review stay listed, on the joined paragraph.
  await tx.mention.updateMany({ where: { segmentId: merge.segmentId }, data: { segmentId: merge.previousId } });
  for (const id of await matchNames(tx, transcriptId, merge.previousId, merged.text, kept)) touched.add(id);
  await recountMentions(tx, touched);
}
