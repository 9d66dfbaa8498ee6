// Helpers shared by the anchoring tests; not part of the module's API.
import type { Anchor } from "./reanchor";
import { quoteSelector } from "./selectors";

/** An anchor on the `nth` (0-based) occurrence of `words` in `text`; throws when there is no such occurrence. */
export function anchorOn(text: string, words: string, nth = 0): Anchor {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(words, at + 1);
    if (at === -1) throw new Error(`"${words}" does not occur ${nth + 1} times in "${text}"`);
  }
  const range = { start: at, end: at + words.length };
  return { ...range, quote: quoteSelector(text, range) };
}

/** What an anchor's offsets point at in `text` (an anchor missing from a result list fails the test). */
export function covered(text: string, anchor: { start: number; end: number } | undefined): string {
  if (!anchor) throw new Error("no such anchor");
  return text.slice(anchor.start, anchor.end);
}
