// Text for the 1200×630 share cards: long quotes and titles cut at a word, so the card never overflows.

export function truncateAtWord(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(" ");
  const head = lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** Smaller type for longer quotes: the card holds about 220 characters at the smallest size. */
export function quoteFontSize(text: string): number {
  if (text.length <= 80) return 64;
  if (text.length <= 140) return 52;
  return 42;
}
