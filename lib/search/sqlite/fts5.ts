// SQLite FTS5 pieces shared by the public and staff searches.
import type { ParsedQuery } from "@/lib/search/query";

/**
 * The MATCH expression for a parsed query: every part a quoted FTS5 string ("sea of azov", "sanction"*), so
 * nothing a reader types is read as FTS5 syntax (AND, OR, NOT, NEAR, column:, ^, parentheses). Quoted strings are
 * tokenized like the indexed text, so a phrase matches its words in order.
 */
export function matchExpression(query: ParsedQuery): string {
  return query.parts
    .map((part) => `"${part.words.join(" ").replaceAll('"', '""')}"${part.prefix ? "*" : ""}`)
    .join(" ");
}

/** FTS5's snippet() takes the markers (MARK_OPEN and MARK_CLOSE of lib/search/snippets.ts) as SQL values. */
export const SNIPPET_MARKERS_SQL = "char(57344), char(57345)";
/** Words of context around the matches (FTS5's maximum is 64). */
export const SNIPPET_TOKENS = 32;

/** Prisma's own text form of a DateTime in SQLite, so raw comparisons order like its queries do. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

/** "?, ?, ?" for an IN list of n values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/**
 * A rowid written into the SQL rather than bound. better-sqlite3 binds every JavaScript number as a REAL, and FTS5
 * then cannot use a rowid bound to skip through its index: `rowid >= ?` made ranking the newest matches as slow as
 * ranking them all (npm run bench:search). Only integers read back from the index itself come here.
 */
export function rowidLiteral(value: number | bigint): string {
  const rowid = Number(value);
  if (!Number.isSafeInteger(rowid)) throw new Error(`Not a rowid: ${String(value)}`);
  return String(rowid);
}
