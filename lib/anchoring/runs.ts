import { diffArrays, diffChars, diffWordsWithSpace, type ChangeObject } from "diff";
import { sentenceRanges } from "./sentences";

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
  /** An unchanged run that holds a whole sentence matched as one: never a coincidence of letters to fold away. */
  isSentence?: boolean;
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
export class RunList {
  readonly runs: Run[] = [];
  private oldPos = 0;
  private newPos = 0;

  add(same: boolean, oldLength: number, newLength: number, isSentence = false): void {
    if (oldLength === 0 && newLength === 0) return;
    const last = this.runs.at(-1);
    if (last && last.same === same) {
      last.oldEnd += oldLength;
      last.newEnd += newLength;
      if (isSentence) last.isSentence = true;
    } else {
      const { oldPos, newPos } = this;
      this.runs.push({
        same,
        ...(isSentence ? { isSentence } : {}),
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
      const sandwiched = !left.same && middle.same && !middle.isSentence && !right.same;
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

/** `diffMiddle` after cutting off the common start and end (a rewritten sentence usually keeps its last words). */
function diffTrimmed(list: RunList, oldText: string, newText: string, deadline: number): number {
  const head = commonPrefix(oldText, newText);
  const tail = commonSuffix(oldText.slice(head), newText.slice(head));
  list.add(true, head, head);
  const { cost } = diffMiddle(
    list,
    oldText.slice(head, oldText.length - tail),
    newText.slice(head, newText.length - tail),
    deadline,
  );
  list.add(true, tail, tail);
  return cost;
}

/** A sentence and the whitespace after it: sentences are compared by their words, whatever spacing follows. */
interface SentenceToken {
  words: string;
  space: string;
}

function sentenceTokens(text: string): SentenceToken[] {
  return sentenceRanges(text).map(({ start, end }) => {
    const sentence = text.slice(start, end);
    const words = sentence.trimEnd();
    return { words, space: sentence.slice(words.length) };
  });
}

/**
 * Diffs two whole texts sentence by sentence: an unchanged sentence is unchanged wherever it is; a sentence taken
 * out in one place and put in another is a deletion and an insertion, never matched word by word with whatever
 * stands in its old place; each run of changed sentences is diffed by words and letters (`diffMiddle`). Returns the
 * cost.
 */
function diffSentences(list: RunList, oldText: string, newText: string, deadline: number): number {
  const oldTokens = sentenceTokens(oldText);
  const newTokens = sentenceTokens(newText);
  const changes = diffArrays(oldTokens, newTokens, {
    comparator: (a, b) => a.words === b.words,
    timeout: remaining(deadline),
  });
  if (!changes) return diffTrimmed(list, oldText, newText, deadline);
  let cost = 0;
  let oldIndex = 0;
  let newIndex = 0;
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed || added) cost += diffTrimmed(list, removed, added, deadline);
    removed = added = "";
  };
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      for (const token of oldTokens.slice(oldIndex, oldIndex + count)) removed += token.words + token.space;
      oldIndex += count;
    } else if (change.added) {
      for (const token of newTokens.slice(newIndex, newIndex + count)) added += token.words + token.space;
      newIndex += count;
    } else {
      flush();
      for (let k = 0; k < count; k++) {
        const before = oldTokens[oldIndex + k] as SentenceToken;
        const after = newTokens[newIndex + k] as SentenceToken;
        list.add(true, before.words.length, after.words.length, true);
        if (before.space === after.space) list.add(true, before.space.length, after.space.length);
        else cost += diffMiddle(list, before.space, after.space, deadline).cost;
      }
      oldIndex += count;
      newIndex += count;
    }
  }
  flush();
  return cost;
}

/**
 * The diff of a paragraph's two versions. Most edits touch one spot: the common start and end are cut off and what
 * is left between them is diffed character by character. A bigger change (sentences moved, several edits saved at
 * once) is diffed sentence by sentence (`diffSentences`), so that words moved along with their sentence are never
 * matched with the same words of another sentence.
 */
export function computeDiff(oldText: string, newText: string): TextDiff {
  const deadline = Date.now() + DIFF_TIMEOUT_MS;
  const head = commonPrefix(oldText, newText);
  const tail = commonSuffix(oldText.slice(head), newText.slice(head));
  const oldMid = oldText.slice(head, oldText.length - tail);
  const newMid = newText.slice(head, newText.length - tail);
  const chars =
    oldMid === "" || newMid === ""
      ? undefined
      : diffChars(oldMid, newMid, { maxEditLength: CHAR_EDIT_LIMIT, timeout: remaining(deadline) });
  const list = new RunList();
  let cost: number;
  let minimal = true;
  if (oldMid === "" || newMid === "" || chars) {
    list.add(true, head, head);
    if (chars) cost = list.addChanges(chars);
    else {
      list.add(false, oldMid.length, newMid.length);
      cost = codePoints(oldMid) + codePoints(newMid);
    }
    list.add(true, tail, tail);
  } else {
    cost = diffSentences(list, oldText, newText, deadline);
    minimal = false;
  }
  return { runs: list.runs, kept: dropCoincidentalMatches(list.runs), cost, minimal, newLength: newText.length };
}

/**
 * Where an old offset lands in the new text, through `runs` (one alignment of the two texts). Text inserted exactly
 * at the offset goes before a range's start and after its end, so a range never grows at its edges. An offset
 * inside replaced text takes the replacement into the range when it is no longer than `within` (the quote's own
 * length), and leaves it out when it is bigger, so a rewritten paragraph cannot swell a short quote.
 */
export function mapOffset(
  runs: readonly Run[],
  newLength: number,
  offset: number,
  side: "start" | "end",
  within: number,
): number {
  for (const run of runs) {
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
  return newLength;
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
