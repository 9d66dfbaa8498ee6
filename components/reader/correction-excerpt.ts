// What a correction changed, as a reader needs it: the changed words in their sentence, not two copies of a whole
// paragraph. Everywhere a correction is shown (the reading page, /corrections, the desk) uses this one excerpt.
import { wordDiff, type DiffPart } from "@/lib/anchoring";

/** The most words of context on either side of the change, when its sentence is longer. */
export const CONTEXT_WORDS = 20;

/** A word that ends a sentence: "cent.", "now?", "said.”", "(twice)!" */
const SENTENCE_END = /[.!?…][”’"')\]]*$/;

export interface CorrectionExcerpt {
  /** "same" and "removed" parts: what the passage said. */
  before: DiffPart[];
  /** "same" and "added" parts: what it says now. */
  after: DiffPart[];
  /** Whether the excerpt was cut inside a sentence before or after the change (shown as "…"). */
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

/**
 * The end of a text back to where the sentence holding the change begins (after the last word that ends a
 * sentence), at most `count` words; whether anything was cut. A text ending in whitespace ends with a whole word.
 */
function tail(text: string, count: number): { text: string; isTrimmed: boolean } {
  const parts = tokens(text);
  let words = 0;
  let index = parts.length;
  while (index > 0) {
    const token = parts[index - 1]!;
    if (isWord(token)) {
      // The word before the sentence began: stop, unless it is the change's own word (no space before the change).
      if (words === count) break;
      // A cut where a sentence ends needs no "…": the excerpt starts a sentence.
      if (SENTENCE_END.test(token) && index < parts.length)
        return { text: parts.slice(index).join("").trimStart(), isTrimmed: false };
      words += 1;
    }
    index -= 1;
  }
  return { text: parts.slice(index).join("").trimStart(), isTrimmed: index > 0 };
}

/** The start of a text up to the end of the sentence holding the change, at most `count` words; whether anything was cut. */
function head(text: string, count: number): { text: string; isTrimmed: boolean } {
  const parts = tokens(text);
  let words = 0;
  let index = 0;
  while (index < parts.length) {
    const token = parts[index]!;
    if (isWord(token)) {
      if (words === count) break;
      words += 1;
      // The excerpt ends its sentence: no "…" after it.
      if (SENTENCE_END.test(token))
        return {
          text: parts
            .slice(0, index + 1)
            .join("")
            .trimEnd(),
          isTrimmed: false,
        };
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
