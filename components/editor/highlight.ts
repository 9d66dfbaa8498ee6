// Splits a paragraph's text into runs for the highlight layer behind its textarea: each run carries the ranges
// (annotations) covering it, so overlapping annotations are drawn as nested colours without losing any text.

export interface HighlightRange {
  id: string;
  start: number;
  end: number;
}

export interface HighlightRun<T extends HighlightRange = HighlightRange> {
  start: number;
  end: number;
  text: string;
  /** The ranges covering this run, in the order they were given. */
  ranges: T[];
}

export function splitIntoRuns<T extends HighlightRange>(text: string, ranges: readonly T[]): HighlightRun<T>[] {
  const length = text.length;
  const usable = ranges
    .map((range) => ({ range, start: clamp(range.start, length), end: clamp(range.end, length) }))
    .filter((item) => item.end > item.start);
  if (usable.length === 0) return length === 0 ? [] : [{ start: 0, end: length, text, ranges: [] }];

  const boundaries = new Set<number>([0, length]);
  for (const item of usable) {
    boundaries.add(item.start);
    boundaries.add(item.end);
  }
  const points = [...boundaries].sort((a, b) => a - b);
  const runs: HighlightRun<T>[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    if (end <= start) continue;
    const covering = usable.filter((item) => item.start <= start && item.end >= end).map((item) => item.range);
    const previous = runs.at(-1);
    // Neighbouring runs under the same ranges are one run: fewer elements in the layer.
    if (previous && sameRanges(previous.ranges, covering)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      runs.push({ start, end, text: text.slice(start, end), ranges: covering });
    }
  }
  return runs;
}

/** The ranges that contain a caret position or overlap a selection. */
export function rangesAt<T extends HighlightRange>(ranges: readonly T[], start: number, end = start): T[] {
  return ranges.filter((range) =>
    start === end ? range.start <= start && range.end >= start : range.start < end && range.end > start,
  );
}

function clamp(value: number, length: number): number {
  return Math.max(0, Math.min(length, Math.floor(value)));
}

function sameRanges<T>(left: readonly T[], right: readonly T[]): boolean {
  return left.length === right.length && left.every((range, index) => range === right[index]);
}

/**
 * Moves ranges along with unsaved typing, so highlights stay on their words until the save re-anchors them on the
 * server: text before the edit keeps its offsets, text after it shifts by the length change, and a range the edit
 * cuts into is stretched or shrunk to the edit's bounds.
 */
export function shiftRanges<T extends HighlightRange>(ranges: readonly T[], before: string, after: string): T[] {
  if (before === after || ranges.length === 0) return [...ranges];
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  const changedEndBefore = before.length - suffix;
  const changedEndAfter = after.length - suffix;
  const delta = after.length - before.length;
  const move = (offset: number, isEnd: boolean) => {
    if (offset <= prefix) return offset;
    if (offset >= changedEndBefore) return offset + delta;
    // Inside the replaced stretch: a start moves to the stretch's start, an end to its new end.
    return isEnd ? changedEndAfter : prefix;
  };
  return ranges.map((range) => ({ ...range, start: move(range.start, false), end: move(range.end, true) }));
}
