// Counting and cutting running text: word counts (the upload's, the published page's and the index's are one
// count), and cuts for small spaces (share cards, oEmbed titles).

/** Cuts at a word before `maxLength`, with an ellipsis, so a card or a title never overflows. */
export function truncateAtWord(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(" ");
  const head = lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, "")}…`;
}

const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Words between spaces that hold a letter or a number: a dash or a lone "…" is not a word. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (HAS_WORD_CHARACTER.test(token)) count++;
  }
  return count;
}
