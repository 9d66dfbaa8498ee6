import { boundedEditCost, computeDiff, DIFF_TIMEOUT_MS, mapOffset, survivingLength, type TextDiff } from "./runs";
import { findQuote, isValidRange, quoteSelector, type QuoteSelector, type TextRange } from "./selectors";

export type AnchorStatus = "anchored" | "needs_review";

export interface Anchor {
  start: number;
  end: number;
  quote: QuoteSelector;
}

export interface Reanchored {
  status: AnchorStatus;
  start: number;
  end: number;
  quote: QuoteSelector;
  reason?: string;
}

/** Why an anchor needs a person: its words are gone, or they occur more than once and we will not guess. */
export const REVIEW_DELETED = "deleted";
export const REVIEW_AMBIGUOUS = "ambiguous";

/** How many occurrences of a quote we test for "some minimal edit leaves these words alone", nearest first. */
const MAX_UNTOUCHED_CANDIDATES = 8;

/**
 * Whether newText could have been made from oldText by a minimal edit that never touches old[range] and leaves it at
 * new[at, at + length). Splitting there must not cost more than the whole diff did.
 */
function untouchedAt(
  oldText: string,
  newText: string,
  range: TextRange,
  at: number,
  cost: number,
  deadline: number,
): boolean {
  const left = boundedEditCost(oldText.slice(0, range.start), newText.slice(0, at), cost, deadline);
  if (left === undefined) return false;
  const after = newText.slice(at + range.end - range.start);
  return boundedEditCost(oldText.slice(range.end), after, cost - left, deadline) !== undefined;
}

/**
 * An occurrence of the quote that some minimal edit leaves untouched. Equal-cost diffs differ in where they put
 * an edit next to repeated letters ("is strong" -> "is sstrong" may be read as an "s" inserted inside "strong");
 * the one that leaves the quoted words whole is the one the boundary rules want.
 */
function untouchedOccurrence(
  oldText: string,
  newText: string,
  anchor: Anchor,
  diff: TextDiff,
  near: number,
): TextRange | undefined {
  const length = anchor.end - anchor.start;
  const growth = newText.length - oldText.length;
  // A code point is at most two UTF-16 units: a split whose sides differ in length by over 2 * cost is too dear.
  const affordable = findQuote(newText, anchor.quote).filter(
    ({ range }) =>
      Math.abs(range.start - anchor.start) <= 2 * diff.cost &&
      Math.abs(range.start - anchor.start - growth) <= 2 * diff.cost,
  );
  const nearest = affordable
    .sort((a, b) => Math.abs(a.range.start - near) - Math.abs(b.range.start - near))
    .slice(0, MAX_UNTOUCHED_CANDIDATES);
  // However many candidates there are, together they get no more time than the diff itself may take.
  const deadline = Date.now() + DIFF_TIMEOUT_MS;
  const untouched = nearest.filter(({ range }) =>
    untouchedAt(oldText, newText, anchor, range.start, diff.cost, deadline),
  );
  untouched.sort((a, b) => b.score - a.score || Math.abs(a.range.start - near) - Math.abs(b.range.start - near));
  const best = untouched[0];
  return best && { start: best.range.start, end: best.range.start + length };
}

/** An anchor attached to newText[range], with a quote selector read from the new text. */
function anchoredAt(newText: string, range: TextRange): Reanchored {
  return { status: "anchored", start: range.start, end: range.end, quote: quoteSelector(newText, range) };
}

/**
 * Keeps the old position (clamped into the new text) and the old quote, so a person can see what it was attached to.
 * Shared with structure.ts; not part of the public API.
 */
export function needsReview(newText: string, anchor: Anchor, reason: string): Reanchored {
  const start = Math.min(Math.max(0, anchor.start), newText.length);
  const end = Math.min(Math.max(start, anchor.end), newText.length);
  return { status: "needs_review", start, end, quote: anchor.quote, reason };
}

/** The fallback when the diff cannot carry the anchor: the original words, if they occur exactly once. */
function searchQuote(newText: string, anchor: Anchor): Reanchored {
  const found = findQuote(newText, anchor.quote);
  if (found.length === 0) return needsReview(newText, anchor, REVIEW_DELETED);
  if (found.length > 1) return needsReview(newText, anchor, REVIEW_AMBIGUOUS);
  return anchoredAt(newText, (found[0] as { range: TextRange }).range);
}

/** The anchor as it was: nothing changed. */
function unchanged(anchor: Anchor): Reanchored {
  return { status: "anchored", start: anchor.start, end: anchor.end, quote: anchor.quote };
}

/** Maps one anchor of a changed paragraph through the paragraph's diff. */
function reanchorThrough(oldText: string, newText: string, diff: TextDiff, anchor: Anchor): Reanchored {
  const exact = anchor.quote.exact;
  // An anchor whose offsets no longer point at its own quote cannot be mapped by offset; its words still can be found.
  if (!isValidRange(oldText, anchor) || oldText.slice(anchor.start, anchor.end) !== exact) {
    return searchQuote(newText, anchor);
  }
  const length = anchor.end - anchor.start;
  const mapped = {
    start: mapOffset(diff, anchor.start, "start", length),
    end: mapOffset(diff, anchor.end, "end", length),
  };
  if (mapped.start < mapped.end && newText.slice(mapped.start, mapped.end) === exact) {
    return anchoredAt(newText, mapped);
  }
  // The split test compares edit costs, so it needs the true (minimal) cost of a character diff.
  const untouched = diff.minimal ? untouchedOccurrence(oldText, newText, anchor, diff, mapped.start) : undefined;
  if (untouched) return anchoredAt(newText, untouched);
  if (mapped.start < mapped.end && 2 * survivingLength(diff, anchor) >= exact.length) {
    return anchoredAt(newText, snapToWords(newText, mapped));
  }
  return searchQuote(newText, anchor);
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * Widens a range that starts or ends inside a word to the whole word. A rewritten ending ("ever had" → "in a
 * decade") leaves characters the old and new words share inside the range and the rest outside it: the quote would
 * read "in a decad".
 */
function snapToWords(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  const isWord = (index: number) => index >= 0 && index < text.length && WORD_CHARACTER.test(text[index] ?? "");
  while (isWord(start - 1) && isWord(start)) start--;
  while (isWord(end - 1) && isWord(end)) end++;
  return { start, end };
}

/**
 * Maps one anchor from oldText to newText through a character diff (diffChars of jsdiff): insertions before the range
 * shift it, insertions strictly inside extend it, insertions at its edges stay outside. If at least half of the
 * quoted characters survived, the anchor stays with a fresh quote; otherwise the original words are searched for:
 * found once -> anchored there, several times -> needs_review "ambiguous", not at all -> needs_review "deleted".
 */
export function reanchor(oldText: string, newText: string, anchor: Anchor): Reanchored {
  if (oldText === newText) return unchanged(anchor);
  return reanchorThrough(oldText, newText, computeDiff(oldText, newText), anchor);
}

/** Lays a result over the caller's anchor, dropping a stale review reason (shared with structure.ts). */
export function withResult<T extends Anchor>(anchor: T, result: Reanchored): T & Reanchored {
  const merged: T & Reanchored = { ...anchor, ...result };
  if (result.reason === undefined) delete merged.reason;
  return merged;
}

/** The same for many anchors of one paragraph, computing the diff once. */
export function reanchorAll<T extends Anchor>(
  oldText: string,
  newText: string,
  anchors: readonly T[],
): (T & Reanchored)[] {
  if (oldText === newText || anchors.length === 0) {
    return anchors.map((anchor) => withResult(anchor, unchanged(anchor)));
  }
  const diff = computeDiff(oldText, newText);
  return anchors.map((anchor) => withResult(anchor, reanchorThrough(oldText, newText, diff, anchor)));
}
