import { diffChars, diffWordsWithSpace, type ChangeObject } from "diff";
import type { TextRange } from "./selectors";

/**
 * All diffing of one paragraph stops after this long (jsdiff's `timeout`); whatever is left undiffed counts as
 * replaced, so anchors inside it fall back to searching for their quotes.
 */
export const DIFF_TIMEOUT_MS = 200;

/**
 * jsdiff's Myers diff costs O(N·D): a character diff of a rewritten 2,000-character paragraph takes most of a second.
 * Up to this many changed code points we diff characters; beyond it, words first (see `diffMiddle`).
 */
const CHAR_EDIT_LIMIT = 32;
/** Up to this many changed words (and spaces) we diff by word; beyond it, the changed middle counts as replaced. */
const WORD_EDIT_LIMIT = 64;
/** Replaced phrases up to this many UTF-16 units (both sides together) are refined into a character diff. */
const REFINE_LIMIT = 160;

/** One run of a diff: unchanged (`same`), or old[oldStart, oldEnd) replaced by new[newStart, newEnd). */
export interface Run {
  same: boolean;
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** The diff between a paragraph's old and new text, computed once for all of its anchors. */
export interface TextDiff {
  /** The diff's runs as they are: the finest account of where each offset went, used to map range boundaries. */
  runs: Run[];
  /** The same with coincidental matches folded into the edits around them, used to judge what survived. */
  kept: Run[];
  /** Insertions plus deletions in code points. */
  cost: number;
  /** Whether `cost` is the minimal edit distance: true when the whole change was diffed character by character. */
  minimal: boolean;
  newLength: number;
}

/** Appends runs, merging neighbours of the same kind, so a replacement is always one run. */
class RunList {
  readonly runs: Run[] = [];
  private oldPos = 0;
  private newPos = 0;

  add(same: boolean, oldLength: number, newLength: number): void {
    if (oldLength === 0 && newLength === 0) return;
    const last = this.runs.at(-1);
    if (last && last.same === same) {
      last.oldEnd += oldLength;
      last.newEnd += newLength;
    } else {
      const { oldPos, newPos } = this;
      this.runs.push({
        same,
        oldStart: oldPos,
        oldEnd: oldPos + oldLength,
        newStart: newPos,
        newEnd: newPos + newLength,
      });
    }
    this.oldPos += oldLength;
    this.newPos += newLength;
  }

  /** Adds jsdiff's change objects; returns their cost in code points. */
  addChanges(changes: readonly ChangeObject<string>[]): number {
    for (const change of changes) {
      this.add(
        !change.added && !change.removed,
        change.added ? 0 : change.value.length,
        change.removed ? 0 : change.value.length,
      );
    }
    return editCost(changes);
  }
}

/** Insertions plus deletions, in code points (jsdiff's tokens for diffChars), of a character diff. */
function editCost(changes: readonly ChangeObject<string>[]): number {
  let cost = 0;
  for (const change of changes) if (change.added || change.removed) cost += change.count;
  return cost;
}

/** Code points in a string (what jsdiff's diffChars counts). */
function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Length of the common start of two strings, never ending between the halves of a surrogate pair. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n > 0 && isHighSurrogate(a.charCodeAt(n - 1)) ? n - 1 : n;
}

/** Length of the common end of two strings, never starting between the halves of a surrogate pair. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n > 0 && isLowSurrogate(a.charCodeAt(a.length - n)) ? n - 1 : n;
}

/** Milliseconds left before `deadline`, at least 1 so jsdiff still tries. */
function remaining(deadline: number): number {
  return Math.max(1, deadline - Date.now());
}

/**
 * Diffs the changed middle of a paragraph into `list`; returns the cost and whether it is minimal. Characters
 * first; a bigger change is diffed word by word (cheap, and unchanged words in a heavily edited paragraph still map),
 * refining each small replaced phrase by characters so a typo fix keeps most of its word. A change too big even
 * for that is one replacement: anchors inside it are found by searching for their quotes.
 */
function diffMiddle(
  list: RunList,
  oldMid: string,
  newMid: string,
  deadline: number,
): { cost: number; minimal: boolean } {
  if (oldMid === "" || newMid === "") {
    list.add(false, oldMid.length, newMid.length);
    return { cost: codePoints(oldMid) + codePoints(newMid), minimal: true };
  }
  const chars = diffChars(oldMid, newMid, { maxEditLength: CHAR_EDIT_LIMIT, timeout: remaining(deadline) });
  if (chars) return { cost: list.addChanges(chars), minimal: true };
  const words = diffWordsWithSpace(oldMid, newMid, { maxEditLength: WORD_EDIT_LIMIT, timeout: remaining(deadline) });
  if (!words) {
    list.add(false, oldMid.length, newMid.length);
    return { cost: codePoints(oldMid) + codePoints(newMid), minimal: false };
  }
  let cost = 0;
  let removed = "";
  let added = "";
  const flush = () => {
    const refined =
      removed && added && removed.length + added.length <= REFINE_LIMIT
        ? diffChars(removed, added, { maxEditLength: CHAR_EDIT_LIMIT, timeout: remaining(deadline) })
        : undefined;
    if (refined) cost += list.addChanges(refined);
    else {
      list.add(false, removed.length, added.length);
      cost += codePoints(removed) + codePoints(added);
    }
    removed = added = "";
  };
  for (const change of words) {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else {
      flush();
      list.add(true, change.value.length, change.value.length);
    }
  }
  flush();
  return { cost, minimal: false };
}

/** The larger side of a replacement: how much text the edit touched. */
function editSize(run: Run): number {
  return Math.max(run.oldEnd - run.oldStart, run.newEnd - run.newStart);
}

/**
 * Folds short unchanged runs sandwiched between bigger edits into one replacement (diff-match-patch's semantic
 * clean-up). A character diff of two unrelated sentences "keeps" scattered letters they happen to share; without
 * this, a rewritten quote would look half-survived and the anchor would stick to unrelated words.
 */
function dropCoincidentalMatches(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    out.push(run);
    // Re-check the tail after every fold: a bigger replacement can swallow the coincidence before it too.
    while (out.length >= 3) {
      const [left, middle, right] = out.slice(-3) as [Run, Run, Run];
      const sandwiched = !left.same && middle.same && !right.same;
      const length = middle.oldEnd - middle.oldStart;
      // Only runs strictly shorter than both edits fold: "next " in "next summer" -> "next year" is kept.
      if (!sandwiched || length >= editSize(left) || length >= editSize(right)) break;
      out.splice(-3, 3, {
        same: false,
        oldStart: left.oldStart,
        oldEnd: right.oldEnd,
        newStart: left.newStart,
        newEnd: right.newEnd,
      });
    }
  }
  return out;
}

/**
 * The diff of a paragraph's two versions. The common start and end are cut off first (most edits touch one spot,
 * so only a few characters are left to diff); the rest goes to `diffMiddle`.
 */
export function computeDiff(oldText: string, newText: string): TextDiff {
  const deadline = Date.now() + DIFF_TIMEOUT_MS;
  const head = commonPrefix(oldText, newText);
  const tail = commonSuffix(oldText.slice(head), newText.slice(head));
  const list = new RunList();
  list.add(true, head, head);
  const middle = diffMiddle(
    list,
    oldText.slice(head, oldText.length - tail),
    newText.slice(head, newText.length - tail),
    deadline,
  );
  list.add(true, tail, tail);
  return { runs: list.runs, kept: dropCoincidentalMatches(list.runs), ...middle, newLength: newText.length };
}

/**
 * Where an old offset lands in the new text. Text inserted exactly at the offset goes before a range's start and
 * after its end, so a range never grows at its edges. An offset inside replaced text takes the replacement into
 * the range when it is no longer than `within` (the quote's own length), and leaves it out when it is bigger, so a
 * rewritten paragraph cannot swell a short quote.
 */
export function mapOffset(diff: TextDiff, offset: number, side: "start" | "end", within: number): number {
  for (const run of diff.runs) {
    if (run.same) {
      if (offset >= run.oldStart && offset < run.oldEnd) return run.newStart + (offset - run.oldStart);
    } else if (run.oldStart === run.oldEnd) {
      if (offset === run.oldStart) return side === "start" ? run.newEnd : run.newStart;
    } else if (offset >= run.oldStart && offset <= run.oldEnd) {
      if (offset === run.oldStart) return run.newStart;
      if (offset === run.oldEnd) return run.newEnd;
      const takeIn = run.newEnd - run.newStart <= within;
      return (side === "start") === takeIn ? run.newStart : run.newEnd;
    }
  }
  return diff.newLength;
}

/** How many of the range's characters lie in unchanged runs (not counting letters that only coincide). */
export function survivingLength(diff: TextDiff, range: TextRange): number {
  let survived = 0;
  for (const run of diff.kept) {
    if (run.same) survived += Math.max(0, Math.min(run.oldEnd, range.end) - Math.max(run.oldStart, range.start));
  }
  return survived;
}

/**
 * The character edit distance of two strings in code points, or undefined when it exceeds `max` or time runs out
 * (jsdiff stops early in both cases, so a hopeless comparison costs little).
 */
export function boundedEditCost(a: string, b: string, max: number, deadline: number): number | undefined {
  const head = commonPrefix(a, b);
  const tail = commonSuffix(a.slice(head), b.slice(head));
  const oldMid = a.slice(head, a.length - tail);
  const newMid = b.slice(head, b.length - tail);
  if (oldMid === "" || newMid === "") {
    const cost = codePoints(oldMid) + codePoints(newMid);
    return cost <= max ? cost : undefined;
  }
  if (max <= 0 || Date.now() >= deadline) return undefined;
  const changes = diffChars(oldMid, newMid, { maxEditLength: max, timeout: remaining(deadline) });
  return changes ? editCost(changes) : undefined;
}
