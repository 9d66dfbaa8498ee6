import { needsReview, withResult, type Anchor, type Reanchored } from "./reanchor";
import { quoteSelector, type TextRange } from "./selectors";

/** Why an anchor needs a person after a split: its words now straddle two paragraphs. */
export const REVIEW_SPLIT = "split";

/** Why an anchor needs a person after a merge: it covered only whitespace that the merge trimmed away. */
export const REVIEW_TRIMMED = "trimmed";

export type Part = "first" | "second";

export interface SplitResult<T extends Anchor> {
  first: string;
  second: string;
  anchors: (T & Reanchored & { part: Part })[];
}

export interface MergeResult<T extends Anchor> {
  text: string;
  anchors: (T & Reanchored)[];
}

/** The anchor moved to `range` of `text` (clamped into it); one left empty by trimming goes to review. */
function placed(text: string, anchor: Anchor, range: TextRange, reason: string): Reanchored {
  const start = Math.min(Math.max(0, range.start), text.length);
  const end = Math.min(Math.max(start, range.end), text.length);
  if (start === end) return needsReview(text, { ...anchor, start, end }, reason);
  return { status: "anchored", start, end, quote: quoteSelector(text, { start, end }) };
}

/**
 * Splitting a paragraph at `offset` (first = text.slice(0, offset).trimEnd(), second = text.slice(offset).trimStart()).
 * Anchors entirely in the first part stay (same offsets); entirely in the second part move to the second paragraph
 * shifted by the amount removed (offset plus whitespace trimmed at the start of the second part); an anchor spanning
 * the split point becomes needs_review "split" and stays on the first paragraph, clamped to the first part.
 */
export function splitAnchors<T extends Anchor>(text: string, offset: number, anchors: readonly T[]): SplitResult<T> {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw new RangeError(`Split offset ${offset} is outside a paragraph of ${text.length} characters`);
  }
  const first = text.slice(0, offset).trimEnd();
  const rest = text.slice(offset);
  const second = rest.trimStart();
  const shift = offset + rest.length - second.length;
  return {
    first,
    second,
    anchors: anchors.map((anchor) => {
      if (anchor.end <= offset) {
        return { ...withResult(anchor, placed(first, anchor, anchor, REVIEW_SPLIT)), part: "first" as const };
      }
      if (anchor.start >= offset) {
        const range = { start: anchor.start - shift, end: anchor.end - shift };
        return { ...withResult(anchor, placed(second, anchor, range, REVIEW_SPLIT)), part: "second" as const };
      }
      return { ...withResult(anchor, needsReview(first, anchor, REVIEW_SPLIT)), part: "first" as const };
    }),
  };
}

/**
 * Merging paragraph B onto the end of paragraph A: the text is `a.trimEnd() + " " + b.trimStart()` (just one of them
 * when the other is empty). A's anchors keep their offsets (clamped if A was trimmed); B's shift by the length of the
 * merged prefix. Quote selectors are recomputed, since prefix/suffix change near the seam.
 */
export function mergeAnchors<T extends Anchor>(
  a: string,
  aAnchors: readonly T[],
  b: string,
  bAnchors: readonly T[],
): MergeResult<T> {
  const head = a.trimEnd();
  const tail = b.trimStart();
  const separator = head && tail ? " " : "";
  const text = head + separator + tail;
  const headRange = { start: 0, end: head.length };
  const tailRange = { start: head.length + separator.length, end: text.length };
  const shift = tailRange.start - (b.length - tail.length);
  const within = (range: TextRange, bounds: TextRange): TextRange => ({
    start: Math.min(Math.max(range.start, bounds.start), bounds.end),
    end: Math.min(Math.max(range.end, bounds.start), bounds.end),
  });
  return {
    text,
    anchors: [
      ...aAnchors.map((anchor) => withResult(anchor, placed(text, anchor, within(anchor, headRange), REVIEW_TRIMMED))),
      ...bAnchors.map((anchor) => {
        const range = within({ start: anchor.start + shift, end: anchor.end + shift }, tailRange);
        return withResult(anchor, placed(text, anchor, range, REVIEW_TRIMMED));
      }),
    ],
  };
}
