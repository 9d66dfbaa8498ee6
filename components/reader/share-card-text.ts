// Text for the 1200×630 share cards: the type size that keeps a long quote on the card (the words are cut with
// truncateAtWord, lib/format/text.ts).

/** Smaller type for longer quotes: the card holds about 220 characters at the smallest size. */
export function quoteFontSize(text: string): number {
  if (text.length <= 80) return 64;
  if (text.length <= 140) return 52;
  return 42;
}
