import type { TextRange } from "./selectors";

/**
 * A sentence ends at ., !, ?, … (or their CJK forms), with any closing quotes or brackets, before whitespace or the
 * end. Deliberately simpler than the platform's Intl.Segmenter: that one joins "before. answered" into one sentence
 * because of the lower-case letter, and transcripts (auto-captions above all) are full of those. Splitting too often
 * ("Mr. Smith") costs nothing here: it only makes the pieces that are matched whole smaller.
 */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?:\s+|$)|[。！？]+[」』）]*\s*/gu;

/** Where each sentence of `text` starts and ends (whitespace after it included). */
export function sentenceRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end > start) ranges.push({ start, end });
    start = end;
  }
  if (start < text.length) ranges.push({ start, end: text.length });
  return ranges;
}

/** How often `needle` occurs in `haystack`, overlapping occurrences too, stopping at two. */
function occurrences(haystack: string, needle: string): { count: number; first: number } {
  const first = haystack.indexOf(needle);
  if (first === -1) return { count: 0, first };
  return { count: haystack.indexOf(needle, first + 1) === -1 ? 1 : 2, first };
}

/** Whether text[start, end) is whole sentences of the text: it starts one and ends one (whitespace aside). */
function isWholeSentences(text: string, sentences: readonly TextRange[], start: number, end: number): boolean {
  const starts = sentences.some((sentence) => sentence.start === start);
  const ends = sentences.some((sentence) => sentence.end >= end && text.slice(end, sentence.end).trim() === "");
  return starts && ends;
}

/**
 * Where the sentences holding `range` now are, when the edit left them word for word, they occur exactly once in
 * both texts, and they are whole sentences there too: then each of their characters has one place in the new
 * text, wherever the sentence moved (the unique lines of a patience diff). Returns the range's new place, or
 * undefined when that cannot be said this way.
 */
export function carriedBySentence(
  oldText: string,
  newText: string,
  sentences: readonly TextRange[],
  newSentences: () => readonly TextRange[],
  range: TextRange,
): TextRange | undefined {
  let start = range.start;
  let end = range.end;
  for (const sentence of sentences) {
    if (sentence.start < range.end && range.start < sentence.end) {
      start = Math.min(start, sentence.start);
      end = Math.max(end, sentence.end);
    }
  }
  const raw = oldText.slice(start, end);
  const block = raw.trim();
  if (block === "") return undefined;
  const blockStart = start + raw.indexOf(block);
  if (range.start < blockStart || range.end > blockStart + block.length) return undefined;
  if (occurrences(oldText, block).count !== 1) return undefined;
  const found = occurrences(newText, block);
  if (found.count !== 1) return undefined;
  if (!isWholeSentences(newText, newSentences(), found.first, found.first + block.length)) return undefined;
  const shift = found.first - blockStart;
  return { start: range.start + shift, end: range.end + shift };
}
