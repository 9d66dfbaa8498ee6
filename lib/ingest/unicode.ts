// Lone UTF-16 surrogates (half of a pair, from a damaged UTF-16 file or a JSON "\ud800" escape) are not text: they
// cannot be stored or sent as UTF-8. They become U+FFFD, as String.prototype.toWellFormed would make them (ES2024,
// not in the ES2023 library this project type-checks against).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate replaced by U+FFFD, and how many there were. */
export function repairLoneSurrogates(text: string): { text: string; repaired: number } {
  let repaired = 0;
  const fixed = text.replace(LONE_SURROGATE, () => {
    repaired++;
    return "\uFFFD";
  });
  return { text: fixed, repaired };
}

/** `repairLoneSurrogates` for when the count does not matter (names, titles). */
export function toWellFormed(text: string): string {
  return repairLoneSurrogates(text).text;
}

/**
 * Repairs every string inside plain data (objects, arrays) in place, returning how many characters were replaced.
 * The parse result is data only, so this reaches every string that would be written.
 */
export function repairStringsInPlace(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  // Arrays are objects too: their indices are their keys.
  const container = value as Record<string, unknown>;
  let repaired = 0;
  for (const key of Object.keys(container)) {
    const item = container[key];
    if (typeof item === "string") {
      const fixed = repairLoneSurrogates(item);
      if (fixed.repaired > 0) container[key] = fixed.text;
      repaired += fixed.repaired;
    } else repaired += repairStringsInPlace(item);
  }
  return repaired;
}
