/** A range of one paragraph's text in UTF-16 offsets (what `String.prototype.slice` takes), end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** The W3C TextQuoteSelector: the quoted words with a little context either side. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export const CONTEXT_LENGTH = 32;

/** Whether `offset` falls between the two halves of a surrogate pair, where cutting would leave a lone half. */
function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** The quote selector for text.slice(start, end): exact, and up to CONTEXT_LENGTH characters either side. */
export function quoteSelector(text: string, range: TextRange): QuoteSelector {
  // Context that would start or end inside an emoji is shortened by one unit, so it never holds half a character.
  let prefixStart = Math.max(0, range.start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, range.end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    exact: text.slice(range.start, range.end),
    prefix: text.slice(prefixStart, range.start),
    suffix: text.slice(range.end, suffixEnd),
  };
}

/** Whether start/end are integers with 0 <= start < end <= text.length (an empty range is invalid). */
export function isValidRange(text: string, range: TextRange): boolean {
  const { start, end } = range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length;
}

/** How many characters at the end of `a` equal those at the end of `b`. */
function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** How many characters at the start of `a` equal those at the start of `b`. */
function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** How well the context around text[start, end) matches the selector's prefix and suffix, in matching characters. */
function contextScore(text: string, range: TextRange, quote: QuoteSelector): number {
  const before = text.slice(Math.max(0, range.start - quote.prefix.length), range.start);
  const after = text.slice(range.end, range.end + quote.suffix.length);
  return commonSuffixLength(before, quote.prefix) + commonPrefixLength(after, quote.suffix);
}

/**
 * All places `quote.exact` occurs in `text` (overlapping ones too); when several, rank by how well prefix/suffix
 * match (count of matching chars adjacent to the occurrence), best first, then by position. Returns [] when none.
 */
export function findQuote(text: string, quote: QuoteSelector): { range: TextRange; score: number }[] {
  if (quote.exact.length === 0) return [];
  const found: { range: TextRange; score: number }[] = [];
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const range = { start: at, end: at + quote.exact.length };
    found.push({ range, score: contextScore(text, range, quote) });
  }
  return found.sort((a, b) => b.score - a.score || a.range.start - b.range.start);
}
