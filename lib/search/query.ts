// What a reader types into the search box, made safe for a full-text engine. Readers type words, "quoted phrases"
// and sometimes a trailing * for a prefix; anything else that a query language would read as syntax (FTS5's
// AND/OR/NOT/NEAR, column filters, parentheses, ^, +, -) is taken as ordinary text. Framework- and database-free: each
// provider turns a ParsedQuery into its own syntax (lib/search/sqlite/fts5.ts).

/** Longer input is cut here: nobody types more, and every extra term makes the query slower. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many terms and phrases are searched; the rest are dropped (and the page says so). */
export const MAX_QUERY_PARTS = 12;

export interface QueryPart {
  /** The words, lower-cased, punctuation removed: one word for a term, several for a phrase. */
  words: string[];
  /** A single word ending in *: matches every word that starts with it. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** Every part must match (an implicit AND), in any order; a phrase's words must appear together, in order. */
  parts: QueryPart[];
  /** The input was longer than MAX_QUERY_LENGTH or had more than MAX_QUERY_PARTS parts, and was shortened. */
  truncated: boolean;
}

// Letters and digits in any script (with combining marks, so Devanagari or Arabic words stay whole), and the
// apostrophes and hyphens inside words, which the tokenizer then splits just as it split the indexed text.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*/gu;

function wordsOf(text: string): string[] {
  return (text.normalize("NFC").toLowerCase().match(WORD) ?? []).flatMap((word) => word.split(/['’-]/));
}

export function parseQuery(input: string | null | undefined): ParsedQuery {
  const raw = (input ?? "").replace(/\s+/g, " ").trim();
  let truncated = raw.length > MAX_QUERY_LENGTH;
  const text = raw.slice(0, MAX_QUERY_LENGTH);
  const parts: QueryPart[] = [];
  // "a phrase" (an unclosed quote runs to the end), or a run of anything but spaces and quotes.
  for (const match of text.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const isPhrase = match[0].startsWith('"');
    const chunk = (isPhrase ? match[1] : match[0]) ?? "";
    const words = wordsOf(chunk);
    if (words.length === 0) continue;
    if (isPhrase) {
      parts.push({ words, prefix: false });
      continue;
    }
    // Outside quotes, "sea-of-azov" or "u.s." is several words: each must match, as the tokenizer splits them.
    const prefix = words.length === 1 && /\*$/.test(chunk);
    for (const word of words) parts.push({ words: [word], prefix });
  }
  const unique = dedupe(parts);
  if (unique.length > MAX_QUERY_PARTS) truncated = true;
  return { parts: unique.slice(0, MAX_QUERY_PARTS), truncated };
}

function dedupe(parts: QueryPart[]): QueryPart[] {
  const seen = new Set<string>();
  return parts.filter((part) => {
    const key = `${part.prefix ? "*" : ""}${part.words.join(" ")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.parts.length === 0;
}

/** The query as the results page echoes it back: "sea of azov" sanctions. */
export function describeQuery(query: ParsedQuery): string {
  return query.parts
    .map((part) => (part.words.length > 1 ? `"${part.words.join(" ")}"` : `${part.words[0]}${part.prefix ? "*" : ""}`))
    .join(" ");
}
