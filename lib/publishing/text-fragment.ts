// Deep links to a passage with a text fragment (https://wicg.github.io/scroll-to-text-fragment/): browsers that
// support them scroll to the quoted words and highlight them; others still land on the paragraph's anchor.

/**
 * Quotes up to this many characters are matched whole. A text directive is matched case-insensitively against the
 * whole page, not inside the paragraph its anchor names, so a short textStart can catch a summary that paraphrases
 * the quote and highlight everything from there on: whole quotes are unique far more often.
 */
export const MAX_CHARACTERS_IN_FULL = 300;
/** How many words of each end a longer quote's textStart and textEnd carry. */
export const EDGE_WORDS = 6;

/**
 * Percent-encodes one part of a text directive. encodeURIComponent already encodes `&`, `,`, `#`, `%` and spaces;
 * the spec also reserves `-` (it marks a prefix or suffix), so that is encoded too.
 */
export function encodeTextDirectivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, "%2D");
}

/** "text=<quote>" for a quote, "text=<first words>,<last words>" for a long one; null when there are no words. */
export function textDirective(quote: string): string | null {
  const words = quote.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const whole = words.join(" ");
  if (whole.length <= MAX_CHARACTERS_IN_FULL || words.length <= EDGE_WORDS * 2) {
    return `text=${encodeTextDirectivePart(whole)}`;
  }
  const start = words.slice(0, EDGE_WORDS).join(" ");
  const end = words.slice(-EDGE_WORDS).join(" ");
  return `text=${encodeTextDirectivePart(start)},${encodeTextDirectivePart(end)}`;
}

/** "/t/<slug>#p-3:~:text=…": the paragraph's anchor, then the quote's words as a text fragment. */
export function passageLink({
  path,
  paragraphNumber,
  quote,
}: {
  path: string;
  paragraphNumber: number;
  quote: string;
}): string {
  const directive = textDirective(quote);
  return `${path}#p-${paragraphNumber}${directive ? `:~:${directive}` : ""}`;
}
