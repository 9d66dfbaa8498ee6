// What a correction changed, as a reader needs it: the changed words with a few words of context either side,
// not two copies of a whole paragraph.
import { wordDiff, type DiffPart } from "@/lib/anchoring";

export const CONTEXT_WORDS = 4;

export interface CorrectionExcerpt {
  /** "same" and "removed" parts: what the passage said. */
  before: DiffPart[];
  /** "same" and "added" parts: what it says now. */
  after: DiffPart[];
  /** Whether words were left out before or after the excerpt. */
  isTrimmedStart: boolean;
  isTrimmedEnd: boolean;
}

/** Splits into words and the whitespace between them, keeping every character. */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter(Boolean);
}

function isWord(token: string): boolean {
  return !/^\s+$/.test(token);
}

/** The last `count` words of a text (with the whitespace after them), and whether anything was cut. */
function tail(text: string, count: number): { text: string; isTrimmed: boolean } {
  const parts = tokens(text);
  let words = 0;
  let index = parts.length;
  while (index > 0) {
    if (isWord(parts[index - 1]!)) {
      if (words === count) break;
      words += 1;
    }
    index -= 1;
  }
  return { text: parts.slice(index).join("").trimStart(), isTrimmed: index > 0 };
}

/** The first `count` words of a text (with the whitespace before them), and whether anything was cut. */
function head(text: string, count: number): { text: string; isTrimmed: boolean } {
  const parts = tokens(text);
  let words = 0;
  let index = 0;
  while (index < parts.length) {
    if (isWord(parts[index]!)) {
      if (words === count) break;
      words += 1;
    }
    index += 1;
  }
  return { text: parts.slice(0, index).join("").trimEnd(), isTrimmed: index < parts.length };
}

export function correctionExcerpt(before: string, after: string, contextWords = CONTEXT_WORDS): CorrectionExcerpt {
  const parts = wordDiff(before, after);
  const first = parts.findIndex((part) => part.kind !== "same");
  if (first === -1) {
    const same: DiffPart[] = before ? [{ kind: "same", text: before }] : [];
    return { before: same, after: same, isTrimmedStart: false, isTrimmedEnd: false };
  }
  const last = parts.findLastIndex((part) => part.kind !== "same");
  const leading = first > 0 ? tail(parts[first - 1]!.text, contextWords) : { text: "", isTrimmed: false };
  const trailing = last < parts.length - 1 ? head(parts[last + 1]!.text, contextWords) : { text: "", isTrimmed: false };
  const middle = parts.slice(first, last + 1);
  const frame = (changed: DiffPart[]): DiffPart[] => [
    ...(leading.text ? [{ kind: "same" as const, text: leading.text }] : []),
    ...changed,
    ...(trailing.text ? [{ kind: "same" as const, text: trailing.text }] : []),
  ];
  return {
    before: frame(middle.filter((part) => part.kind !== "added")),
    after: frame(middle.filter((part) => part.kind !== "removed")),
    isTrimmedStart: leading.isTrimmed,
    isTrimmedEnd: trailing.isTrimmed,
  };
}
