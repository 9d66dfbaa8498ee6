// Keeping annotations on their words when a paragraph's text changes.
//
// THE RULE. An annotation is on an occurrence of words, not on a string. After an edit it is `anchored` only where
// the change from the old text to the new one carries its own characters: all of them unchanged, or changed by an
// edit inside its range (a typo fixed, a word inserted or rewritten between its first and last word), in which case
// its quote becomes the new words. If any of its words was deleted, or its words moved and where they went cannot
// be said with certainty, it is `needs_review` with the reason:
//   - `deleted`: none of its words are left, or what is left of them is a rewrite;
//   - `partly_deleted`: one or more of its words were deleted (a typo fix that drops a letter is not a deletion);
//   - `moved`: its words were taken out here and appear in text the edit added elsewhere;
//   - `ambiguous`: the same edit can be read two ways that put it in different places (deleting one "the" of
//     "the the" is deleting the first or the second), and nothing says which.
// Another copy of the same words elsewhere is other words: never a fallback. The quote selector (exact, prefix,
// suffix) finds candidates for a person to confirm (candidates.ts), never re-anchors by itself. The boundaries a
// person chose are kept: a range is widened to a whole word only where its old boundary was one.
//
// Certainty comes from two places. A sentence that is word for word the same and occurs once in both texts carries
// its characters wherever it moved (sentences.ts). Otherwise the character diff of the two texts (runs.ts) says what
// happened to each of the range's characters; where an insertion or deletion could slide along repeated letters and
// read the same, or another minimal edit leaves the words whole somewhere else, every reading is tried, and readings
// that disagree send the annotation to a person.
import { slidAlignments } from "./alignments";
import { longestMatchRuns } from "./longest-match";
import { boundedEditCost, computeDiff, DIFF_TIMEOUT_MS, mapOffset, type Run, type TextDiff } from "./runs";
import { findQuote, isValidRange, quoteSelector, type QuoteSelector, type TextRange } from "./selectors";
import { carriedBySentence, sentenceRanges } from "./sentences";

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

/** Why an anchor needs a person (see THE RULE above); structure.ts adds `split` and `trimmed`. */
export const REVIEW_DELETED = "deleted";
export const REVIEW_PARTLY_DELETED = "partly_deleted";
export const REVIEW_MOVED = "moved";
export const REVIEW_AMBIGUOUS = "ambiguous";

/** Characters a longest-match stretch needs before its say on where words went counts against the diff's. */
const MIN_LONGEST_MATCH = 16;

/** How many other occurrences of a quote are tested for "some minimal edit leaves these words alone there". */
const MAX_UNTOUCHED_CANDIDATES = 8;

/** What one reading of the edit did to an anchor's characters. */
type Outcome =
  | { kind: "untouched" | "edited"; range: TextRange }
  | {
      kind: "lost";
      reason: typeof REVIEW_DELETED | typeof REVIEW_PARTLY_DELETED;
      /** Only letters at an edge went, with no whole word of the range: how a deletion next to it may read. */
      isMinor: boolean;
    };

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

function isWordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHARACTER.test(text[index] ?? "");
}

/** What makes a piece of text a word a person could delete: a letter, a number, an emoji or a flag. */
const WORDISH = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

/**
 * Whether old[from, to) holds one of the range's words whole: a piece of it between spaces (or the range's own
 * edges, where a person chose part of a word) with a letter, number or emoji in it. Deleting such a piece deletes a
 * word; dropping a letter, an apostrophe's ending or a comma edits one.
 */
function holdsPiece(text: string, range: TextRange, from: number, to: number): boolean {
  let index = range.start;
  while (index < range.end) {
    if (/\s/u.test(text[index] ?? "")) {
      index++;
      continue;
    }
    let pieceEnd = index;
    while (pieceEnd < range.end && !/\s/u.test(text[pieceEnd] ?? "")) pieceEnd++;
    if (index >= from && pieceEnd <= to && WORDISH.test(text.slice(index, pieceEnd))) return true;
    index = pieceEnd;
  }
  return false;
}

/**
 * A range whose old boundaries fell between words keeps its new ones between words: a rewritten ending ("ever had"
 * → "in a decade") leaves the letters the two share inside the range, and the quote would read "in a decad". A
 * boundary the person put inside a word stays where the diff puts it. Whitespace the edit brought to an edge is
 * left out.
 */
function keepWordBoundaries(
  oldText: string,
  newText: string,
  old: TextRange,
  range: TextRange,
): TextRange & { isWidened: { start: boolean; end: boolean } } {
  let { start, end } = range;
  if (!(isWordAt(oldText, old.start - 1) && isWordAt(oldText, old.start))) {
    while (isWordAt(newText, start - 1) && isWordAt(newText, start)) start--;
  }
  if (!(isWordAt(oldText, old.end - 1) && isWordAt(oldText, old.end))) {
    while (isWordAt(newText, end - 1) && isWordAt(newText, end)) end++;
  }
  const isWidened = { start: start < range.start, end: end > range.end };
  const exact = oldText.slice(old.start, old.end);
  if (!/^\s/u.test(exact)) while (start < end && /\s/u.test(newText[start] ?? "")) start++;
  if (!/\s$/u.test(exact)) while (end > start && /\s/u.test(newText[end - 1] ?? "")) end--;
  return { start, end, isWidened };
}

/** What one alignment of the two texts (`runs`) did to the range's characters. */
function evaluate(oldText: string, newText: string, runs: readonly Run[], range: TextRange): Outcome {
  const { start, end } = range;
  const length = end - start;
  let survived = 0;
  let isEdited = false;
  let isReplaced = false;
  let isPartlyDeleted = false;
  let losesWords = false;
  let isSwallowed = false;
  // Edits reaching across the range's first and last character from outside: its words rewritten with their
  // surroundings ("on Friday. Agreeq meets" → "on Frid agreedets"), whatever letters happen to survive.
  let crossesStart = false;
  let crossesEnd = false;
  // Whether what survived is tied to the unchanged text beside the range (or to the text's own start or end), or
  // holds a whole word of it: a lone letter or two between edits on both sides is a coincidence, not its words.
  let isTied = false;
  for (const run of runs) {
    const overlap = Math.min(run.oldEnd, end) - Math.max(run.oldStart, start);
    if (run.same) {
      if (overlap > 0) {
        survived += overlap;
        if (run.oldStart < start || run.oldEnd > end || run.oldStart === 0 || run.oldEnd === oldText.length) {
          isTied = true;
        } else if (holdsPiece(oldText, range, run.oldStart, run.oldEnd)) {
          isTied = true;
        }
      }
    } else if (run.oldStart === run.oldEnd) {
      // An insertion strictly inside extends the range; one at an edge stays outside it.
      if (run.oldStart > start && run.oldStart < end) isEdited = true;
    } else if (overlap > 0) {
      const isInside = run.oldStart >= start && run.oldEnd <= end;
      if (run.oldStart < start) crossesStart = true;
      if (run.oldEnd > end) crossesEnd = true;
      if (run.newStart === run.newEnd) {
        // Removed with nothing in its place: a deleted word, or a letter or comma dropped inside the range.
        const losesWord = holdsPiece(oldText, range, run.oldStart, run.oldEnd);
        if (!isInside || losesWord) {
          isPartlyDeleted = true;
          if (losesWord) losesWords = true;
        } else {
          isEdited = true;
        }
      } else if (!isInside && run.oldStart <= start && run.oldEnd >= end) {
        isSwallowed = true;
      } else {
        isEdited = true;
        isReplaced = true;
      }
    }
  }
  if (survived === 0 || isSwallowed || (crossesStart && crossesEnd) || !isTied) {
    return { kind: "lost", reason: REVIEW_DELETED, isMinor: false };
  }
  if (isPartlyDeleted) return { kind: "lost", reason: REVIEW_PARTLY_DELETED, isMinor: !losesWords };
  // Rewritten beyond recognition: fewer than half of its characters are still its own.
  if (isReplaced && 2 * survived < length) return { kind: "lost", reason: REVIEW_DELETED, isMinor: false };
  const mapped = {
    start: mapOffset(runs, newText.length, start, "start", length),
    end: mapOffset(runs, newText.length, end, "end", length),
  };
  if (!isEdited) return { kind: "untouched", range: mapped };
  const edited = keepWordBoundaries(oldText, newText, range, mapped);
  if (edited.start >= edited.end) return { kind: "lost", reason: REVIEW_DELETED, isMinor: false };
  // An edit across an edge that joined its words to the text beside them ("Agreeq meets" → "agreedets").
  if ((edited.isWidened.start && crossesStart) || (edited.isWidened.end && crossesEnd)) {
    return { kind: "lost", reason: REVIEW_PARTLY_DELETED, isMinor: false };
  }
  return { kind: "edited", range: { start: edited.start, end: edited.end } };
}

/**
 * Whether newText could have been made from oldText by a minimal edit that never touches old[range] and leaves it at
 * new[at, at + length). Splitting there must not cost more than the whole diff did.
 */
function untouchedAt(oldText: string, newText: string, range: TextRange, at: number, cost: number, deadline: number) {
  const left = boundedEditCost(oldText.slice(0, range.start), newText.slice(0, at), cost, deadline);
  if (left === undefined) return false;
  const after = newText.slice(at + range.end - range.start);
  return boundedEditCost(oldText.slice(range.end), after, cost - left, deadline) !== undefined;
}

/**
 * Occurrences of the words, near where they were, that some minimal edit leaves whole: equal-cost diffs differ in
 * where they put an edit next to repeated letters ("is strong" → "is sstrong" may be read as an "s" inserted inside
 * "strong"). Each is another reading of the same edit, not a search: far copies cost more and are never tried.
 */
function untouchedReadings(oldText: string, newText: string, range: TextRange, diff: TextDiff): TextRange[] {
  if (!diff.minimal) return [];
  const exact = oldText.slice(range.start, range.end);
  const growth = newText.length - oldText.length;
  // A code point is at most two UTF-16 units: a split whose sides differ in length by over 2 * cost is too dear.
  const affordable = findQuote(newText, { exact, prefix: "", suffix: "" })
    .map((found) => found.range)
    .filter(
      ({ start }) =>
        Math.abs(start - range.start) <= 2 * diff.cost && Math.abs(start - range.start - growth) <= 2 * diff.cost,
    )
    .sort((a, b) => Math.abs(a.start - range.start) - Math.abs(b.start - range.start))
    .slice(0, MAX_UNTOUCHED_CANDIDATES);
  // However many candidates there are, together they get no more time than the diff itself may take.
  const deadline = Date.now() + DIFF_TIMEOUT_MS;
  return affordable.filter(({ start }) => untouchedAt(oldText, newText, range, start, diff.cost, deadline));
}

const isSameRange = (a: TextRange, b: TextRange) => a.start === b.start && a.end === b.end;

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

/** Whether the words appear in text the edit added: taken out here and put in there, or retyped. */
function appearsInAddedText(newText: string, runs: readonly Run[], exact: string): boolean {
  const added = runs.filter((run) => !run.same && run.newEnd > run.newStart);
  for (let at = newText.indexOf(exact); at !== -1; at = newText.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    if (added.some((run) => run.newStart < end && at < run.newEnd)) return true;
  }
  return false;
}

/**
 * Whether the longest-match reading keeps some of the range's characters unchanged but puts them somewhere the
 * diff's reading does not: two sound readings of a big change that disagree on where the words went. (Where the
 * longest-match reading loses the words it says nothing: it compares whole words, so a typo fix is a loss to it.)
 */
function contradicts(edit: ParagraphEdit, range: TextRange): boolean {
  const longest = edit.longestMatch();
  const diffReading = evaluate(edit.oldText, edit.newText, edit.diff().kept, range);
  if (!longest || diffReading.kind === "lost") return false;
  for (const run of longest) {
    // A short shared stretch ("and ") proves nothing about where the words went; a long one does.
    if (!run.same || run.oldEnd - run.oldStart < MIN_LONGEST_MATCH) continue;
    const from = Math.max(run.oldStart, range.start);
    const to = Math.min(run.oldEnd, range.end);
    if (from >= to) continue;
    const placed = { start: run.newStart + (from - run.oldStart), end: run.newStart + (to - run.oldStart) };
    if (placed.end <= diffReading.range.start || placed.start >= diffReading.range.end) return true;
  }
  return false;
}

/** Reads the edit every way that matters to the range, and anchors it only where all readings agree. */
function decide(edit: ParagraphEdit, anchor: Anchor): Reanchored {
  const { oldText, newText } = edit;
  const diff = edit.diff();
  const range = { start: anchor.start, end: anchor.end };
  const outcomes: Outcome[] = [evaluate(oldText, newText, diff.kept, range)];
  for (const runs of slidAlignments(oldText, newText, diff.kept, range)) {
    outcomes.push(evaluate(oldText, newText, runs, range));
  }
  // A big change was diffed word by word somewhere: the longest-match reading must not put the words elsewhere.
  const isContradicted = contradicts(edit, range);
  // An edit inside the range that another minimal edit of several pieces keeps outside it, leaving the words whole
  // elsewhere ("no" → "nno o": "no " typed inside, or "n" before and " o" after?): nothing says which. (A single
  // insertion or deletion slid along repeated letters is the same edit, and the whole reading wins: above.)
  // Only for an edited range: a reading of two separate edits must not make a single deletion next to copies of
  // the words ambiguous.
  if (outcomes.every((outcome) => outcome.kind === "edited")) {
    const first = outcomes[0] as { range: TextRange };
    const elsewhere = untouchedReadings(oldText, newText, anchor, diff).filter(
      (reading) => !isSameRange(reading, first.range),
    );
    if (elsewhere.length > 0) return needsReview(newText, anchor, REVIEW_AMBIGUOUS);
  }

  const untouched: TextRange[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === "untouched" && !untouched.some((other) => isSameRange(other, outcome.range))) {
      untouched.push(outcome.range);
    }
  }
  const lost = outcomes.flatMap((outcome) => (outcome.kind === "lost" ? [outcome] : []));
  const losses = lost.map((outcome) => outcome.reason);
  if (isContradicted && losses.length < outcomes.length) return needsReview(newText, anchor, REVIEW_AMBIGUOUS);
  if (untouched.length > 1) return needsReview(newText, anchor, REVIEW_AMBIGUOUS);
  // Whole in one reading, edited (or clipped by a letter) in another: the words read the same, so the reading that
  // keeps them whole wins. One that deletes a word of theirs is a real possibility: a person decides.
  if (untouched.length === 1) {
    if (lost.some((outcome) => !outcome.isMinor)) return needsReview(newText, anchor, REVIEW_AMBIGUOUS);
    return anchoredAt(newText, untouched[0] as TextRange);
  }
  if (losses.length === 0) {
    const [first, ...others] = outcomes.flatMap((outcome) => (outcome.kind === "edited" ? [outcome.range] : []));
    if (first && others.every((other) => isSameRange(other, first))) return anchoredAt(newText, first);
    return needsReview(newText, anchor, REVIEW_AMBIGUOUS);
  }
  if (losses.length < outcomes.length) return needsReview(newText, anchor, REVIEW_AMBIGUOUS);
  if (appearsInAddedText(newText, diff.kept, anchor.quote.exact)) return needsReview(newText, anchor, REVIEW_MOVED);
  return needsReview(newText, anchor, losses.includes(REVIEW_DELETED) ? REVIEW_DELETED : REVIEW_PARTLY_DELETED);
}

/** The anchor as it was: nothing changed. */
function unchanged(anchor: Anchor): Reanchored {
  return { status: "anchored", start: anchor.start, end: anchor.end, quote: anchor.quote };
}

/** What one paragraph's edit needs computed once for all of its anchors. */
interface ParagraphEdit {
  oldText: string;
  newText: string;
  diff: () => TextDiff;
  sentences: () => TextRange[];
  newSentences: () => TextRange[];
  longestMatch: () => Run[] | undefined;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function paragraphEdit(oldText: string, newText: string): ParagraphEdit {
  return {
    oldText,
    newText,
    diff: lazy(() => computeDiff(oldText, newText)),
    sentences: lazy(() => sentenceRanges(oldText)),
    newSentences: lazy(() => sentenceRanges(newText)),
    longestMatch: lazy(() => longestMatchRuns(oldText, newText)),
  };
}

function reanchorIn(edit: ParagraphEdit, anchor: Anchor): Reanchored {
  const { oldText, newText } = edit;
  // Offsets that no longer point at the anchor's own words say nothing about where those words went.
  if (!isValidRange(oldText, anchor) || oldText.slice(anchor.start, anchor.end) !== anchor.quote.exact) {
    return needsReview(newText, anchor, REVIEW_AMBIGUOUS);
  }
  const carried = carriedBySentence(oldText, newText, edit.sentences(), edit.newSentences, anchor);
  if (carried) return anchoredAt(newText, carried);
  return decide(edit, anchor);
}

/** Maps one anchor from oldText to newText by THE RULE above. */
export function reanchor(oldText: string, newText: string, anchor: Anchor): Reanchored {
  if (oldText === newText) return unchanged(anchor);
  return reanchorIn(paragraphEdit(oldText, newText), anchor);
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
  const edit = paragraphEdit(oldText, newText);
  return anchors.map((anchor) => withResult(anchor, reanchorIn(edit, anchor)));
}
