import type { Run } from "./runs";
import type { TextRange } from "./selectors";

/** How far one insertion or deletion is slid to each side when looking for other alignments of the same edit. */
const MAX_SLIDE = 256;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether `offset` falls between the two halves of a surrogate pair (no real edit starts or ends there). */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset));
}

/** The run list with runs[index] moved by `shift` characters, its unchanged neighbours shortened or lengthened. */
function shifted(runs: readonly Run[], index: number, shift: number): Run[] {
  const copy = runs.map((run) => ({ ...run }));
  const run = copy[index] as Run;
  const left = copy[index - 1];
  const right = copy[index + 1];
  run.oldStart += shift;
  run.oldEnd += shift;
  run.newStart += shift;
  run.newEnd += shift;
  if (left) {
    left.oldEnd += shift;
    left.newEnd += shift;
  }
  if (right) {
    right.oldStart += shift;
    right.newStart += shift;
  }
  return copy;
}

/**
 * How far a pure insertion or deletion can slide either way and give the same text: deleting one "the " of
 * "the the" is the first or the second; inserting "s" before "strong" reads the same as inserting it after its
 * "s". A diff picks one of these at random, as far as the meaning goes.
 */
function slideLimits(oldText: string, newText: string, runs: readonly Run[], index: number): [number, number] {
  const run = runs[index] as Run;
  const left = runs[index - 1];
  const right = runs[index + 1];
  const isInsertion = run.oldStart === run.oldEnd;
  // The text the edit removed or added, in the text where it lives, and how far the unchanged neighbours reach.
  const text = isInsertion ? newText : oldText;
  const from = isInsertion ? run.newStart : run.oldStart;
  const to = isInsertion ? run.newEnd : run.oldEnd;
  const leftReach = left ? from - (isInsertion ? left.newStart : left.oldStart) : 0;
  const rightReach = right ? (isInsertion ? right.newEnd : right.oldEnd) - to : 0;
  let back = 0;
  while (back < Math.min(leftReach, MAX_SLIDE) && text.charCodeAt(from - back - 1) === text.charCodeAt(to - back - 1)) {
    back++;
  }
  let ahead = 0;
  while (ahead < Math.min(rightReach, MAX_SLIDE) && text.charCodeAt(from + ahead) === text.charCodeAt(to + ahead)) {
    ahead++;
  }
  return [-back, ahead];
}

/**
 * The other alignments of the diff that matter to `range`: each pure insertion or deletion near the range slid to
 * every place where it gives the same new text (one at a time). Replacements are left where they are.
 */
export function* slidAlignments(
  oldText: string,
  newText: string,
  runs: readonly Run[],
  range: TextRange,
): Generator<Run[]> {
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index] as Run;
    if (run.same) continue;
    const isInsertion = run.oldStart === run.oldEnd;
    const isDeletion = run.newStart === run.newEnd;
    if (!isInsertion && !isDeletion) continue;
    // Far from the range, sliding cannot bring the edit to it.
    if (run.oldEnd + MAX_SLIDE < range.start || run.oldStart - MAX_SLIDE > range.end) continue;
    const [back, ahead] = slideLimits(oldText, newText, runs, index);
    if (run.oldEnd + ahead < range.start || run.oldStart + back > range.end) continue;
    for (let shift = back; shift <= ahead; shift++) {
      if (shift === 0) continue;
      const moved = { ...run, oldStart: run.oldStart + shift, oldEnd: run.oldEnd + shift };
      const newStart = run.newStart + shift;
      const newEnd = run.newEnd + shift;
      if ([moved.oldStart, moved.oldEnd].some((offset) => splitsPair(oldText, offset))) continue;
      if ([newStart, newEnd].some((offset) => splitsPair(newText, offset))) continue;
      yield shifted(runs, index, shift);
    }
  }
}
