// PostgreSQL full-text pieces shared by the public and staff searches.
import type { ParsedQuery } from "@/lib/search/query";

/**
 * The text given to verbatim_search_query() (to_tsquery with English stemming, accents ignored) for a parsed query:
 * every word a quoted lexeme ('sea' <-> 'of' <-> 'azov', 'sanction':*), parts joined by &. Nothing a reader types is
 * read as tsquery syntax (&, |, !, <->, parentheses): each word is quoted, and a quote inside is doubled.
 */
export function tsqueryText(query: ParsedQuery): string {
  const lexeme = (word: string) => `'${word.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
  return query.parts
    .map((part) =>
      part.words.length > 1
        ? `(${part.words.map(lexeme).join(" <-> ")})`
        : `${lexeme(part.words[0] as string)}${part.prefix ? ":*" : ""}`,
    )
    .join(" & ");
}

/** Paragraphs up to this long are shown whole in a result, as SQLite's 32-token snippet shows a short one. */
export const WHOLE_PARAGRAPH_LENGTH = 240;

/**
 * ts_headline of the SQL text expression `text` for the tsquery expression `query`, with the private-use markers
 * of SQLite's snippets (lib/search/snippets.ts): a short paragraph whole, punctuation and short words included; a
 * long one in up to two fragments of about as many words as SQLite shows. ts_headline reads "<…>" as markup and
 * drops it, so "<" and ">" go in as private-use characters and restoreAngleBrackets() puts them back.
 */
export function headlineSql(text: string, query: string): string {
  const safe = `translate(${text}, '<>', E'\\uE002\\uE003')`;
  const markers = "StartSel=\uE000, StopSel=\uE001";
  return `CASE WHEN length(${text}) <= ${WHOLE_PARAGRAPH_LENGTH}
    THEN ts_headline('verbatim', ${safe}, ${query}, '${markers}, HighlightAll=true')
    ELSE ts_headline('verbatim', ${safe}, ${query},
      '${markers}, MaxWords=40, MinWords=20, ShortWord=0, MaxFragments=2, FragmentDelimiter=" … "') END`;
}

export function restoreAngleBrackets(headline: string): string {
  return headline.replaceAll("\uE002", "<").replaceAll("\uE003", ">");
}
