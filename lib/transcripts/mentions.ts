export interface NamedRange {
  name: string;
  start: number;
  end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A matcher for whole-word occurrences of any of `names` (letters and digits count as word parts). Longer names
 * are tried first, so "Kosovo Security Force" wins over "Kosovo" at the same position. One pass per text, however
 * many names.
 */
export function mentionMatcher(names: readonly string[]): (text: string) => NamedRange[] {
  const distinct = [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (distinct.length === 0) return () => [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${distinct.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return (text) =>
    Array.from(text.matchAll(pattern), (match) => ({
      name: match[0],
      start: match.index,
      end: match.index + match[0].length,
    }));
}
