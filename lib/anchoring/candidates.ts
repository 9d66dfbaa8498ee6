// Places a person might re-attach an annotation to, once re-anchoring has refused to guess: fuzzy matches of its
// old words, ranked by how well the words and the text around them match (the scoring of Hypothesis's client,
// match-quote.js, on the same approx-string-match search). Nothing here attaches anything: a person chooses.
import search from "approx-string-match";
import type { QuoteSelector, TextRange } from "./selectors";

export interface Candidate extends TextRange {
  exact: string;
  /** 0–1: 1 is the same words with the same text either side, at the hinted place. */
  score: number;
  /** Letters inserted, deleted or changed between the old words and these. */
  errors: number;
}

export interface CandidateOptions {
  /** Where the words were, to prefer nearer places when everything else is equal. */
  hint?: number;
  limit?: number;
  /** Candidates scoring below this are noise (a two-letter word with one error matches almost anywhere). */
  minScore?: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
/** Hypothesis allows up to half the quote's length in errors; a person reviewing wants fewer, likelier places. */
const ERROR_SHARE = 0.25;
const MAX_ERRORS = 64;

/** How closely `text` matches `context` (1 = the same), fuzzily, as match-quote.js scores prefix and suffix. */
function contextScore(text: string, context: string): number {
  if (context.length === 0) return 1;
  if (text.length === 0) return 0;
  const [best] = search(text, context, context.length);
  return best ? 1 - best.errors / context.length : 0;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

function isWordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHARACTER.test(text[index] ?? "");
}

/** Levenshtein distance, for the few short strings a review compares (two rows of the classic table). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Longest quote whose matches are widened to whole words and re-scored (the table is quadratic). */
const MAX_WIDENED_LENGTH = 400;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A match trimmed of whitespace at its edges and never cutting an emoji in half. */
function tidy(text: string, start: number, end: number): TextRange {
  while (start < end && /\s/u.test(text[start] ?? "")) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? "")) end--;
  if (start > 0 && isHighSurrogate(text.charCodeAt(start - 1)) && start < end) start--;
  if (end < text.length && end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  return { start, end };
}

/** Ranked places in `text` that could hold the quote's words, best first; none that overlap a better one. */
export function findCandidates(text: string, quote: QuoteSelector, options: CandidateOptions = {}): Candidate[] {
  const { hint, limit = 5, minScore = 0.6 } = options;
  if (quote.exact.trim() === "" || text === "") return [];
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.exact.length * ERROR_SHARE));
  const scored: Candidate[] = [];
  // A quote that began and ended between words is offered as whole words: "stro" of "strong" is nobody's choice.
  const isWholeWords =
    quote.exact.length <= MAX_WIDENED_LENGTH &&
    !isWordAt(quote.prefix, quote.prefix.length - 1) &&
    !isWordAt(quote.suffix, 0);
  for (const match of search(text, quote.exact, maxErrors)) {
    const range = tidy(text, match.start, match.end);
    if (range.start >= range.end) continue;
    let errors = match.errors;
    if (isWholeWords && (isWordAt(text, range.start - 1) || isWordAt(text, range.end))) {
      while (isWordAt(text, range.start - 1) && isWordAt(text, range.start)) range.start--;
      while (isWordAt(text, range.end - 1) && isWordAt(text, range.end)) range.end++;
      errors = editDistance(text.slice(range.start, range.end), quote.exact);
      if (errors > maxErrors) continue;
    }
    const prefix = contextScore(text.slice(Math.max(0, range.start - quote.prefix.length), range.start), quote.prefix);
    const suffix = contextScore(text.slice(range.end, range.end + quote.suffix.length), quote.suffix);
    const position = hint === undefined ? 1 : 1 - Math.abs(range.start - hint) / text.length;
    const raw =
      QUOTE_WEIGHT * (1 - errors / quote.exact.length) +
      PREFIX_WEIGHT * prefix +
      SUFFIX_WEIGHT * suffix +
      POSITION_WEIGHT * position;
    scored.push({ ...range, exact: text.slice(range.start, range.end), score: raw / MAX_SCORE, errors });
  }
  scored.sort((a, b) => b.score - a.score || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const candidate of scored) {
    if (candidate.score < minScore || chosen.length >= limit) break;
    if (chosen.some((other) => other.start < candidate.end && candidate.start < other.end)) continue;
    chosen.push(candidate);
  }
  return chosen;
}
