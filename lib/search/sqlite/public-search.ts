// Public full-text search on SQLite: FTS5 over PublicParagraph, ranked by bm25.
//
// Ranking and snippets are two queries. With snippet() in the ranking query, SQLite builds a snippet for every
// matching row before ORDER BY … LIMIT keeps twenty: for two common words that is tens of thousands of snippets.
// Ranking alone reads only the index; the snippets are then made for the twenty rows kept, each found by rowid.
import { db } from "@/lib/db";
import {
  SNIPPET_MARKERS_SQL,
  SNIPPET_TOKENS,
  matchExpression,
  placeholders,
  rowidLiteral,
  sqliteDate,
} from "@/lib/search/sqlite/fts5";
import { pagingOf, searchPage, toPublicHit } from "@/lib/search/public-hits";
import { excerpt } from "@/lib/search/snippets";
import {
  MATCH_COUNT_CAP,
  type PublicSearchHit,
  type SearchFilters,
  type SearchPage,
  type SearchRequest,
} from "@/lib/search/types";
import { isEmptyQuery } from "@/lib/search/query";

interface RankedRow {
  id: number;
}

interface ParagraphRow {
  id: number;
  transcriptId: string;
  number: number;
  text: string;
  speakerName: string | null;
  speakerSlug: string | null;
  outlet: string | null;
  startMs: number | null;
  slug: string;
  title: string;
  occurredAt: string | null;
  place: string | null;
  publishedAt: string;
}

interface SnippetRow {
  id: number;
  snippet: string;
}

/** The WHERE conditions (on PublicParagraph p and PublicListing l) for the filters, with their values. */
function filterSql(filters: SearchFilters): { sql: string[]; values: unknown[] } {
  const sql: string[] = [];
  const values: unknown[] = [];
  if (filters.speaker) {
    sql.push(`p."speakerSlug" = ?`);
    values.push(filters.speaker);
  }
  if (filters.outlet) {
    sql.push(`p."outlet" = ?`);
    values.push(filters.outlet);
  }
  if (filters.topic) {
    sql.push(`p."transcriptId" IN (SELECT "transcriptId" FROM "PublicTopic" WHERE "slug" = ?)`);
    values.push(filters.topic);
  }
  if (filters.from) {
    sql.push(`l."sortDate" >= ?`);
    values.push(sqliteDate(filters.from));
  }
  if (filters.to) {
    // Inclusive of the whole "to" day.
    sql.push(`l."sortDate" < ?`);
    values.push(sqliteDate(new Date(filters.to.getTime() + 86_400_000)));
  }
  return { sql, values };
}

function hasFilters(filters: SearchFilters): boolean {
  return filterSql(filters).sql.length > 0;
}

/**
 * Matches ranked by bm25 at most: beyond this many, only the most recently published this many are ranked. bm25
 * costs SQLite a call per matching row, so two common words (matching most of 100,000 paragraphs) took 300 ms to
 * rank in full (npm run bench:search); the newest 2,000 matches take a few. For a news archive the newest matches
 * are the likeliest wanted, and words common enough to match this many paragraphs carry little weight in bm25
 * anyway (one in more than half the paragraphs carries none). It is at least MATCH_COUNT_CAP, so every page of
 * results comes from the same ranking.
 */
export const RANK_WINDOW = 2_000;

async function rankedIds(
  request: SearchRequest,
  match: string,
  limit: number,
  offset: number,
  rankWindow: number,
): Promise<number[]> {
  const filters = filterSql(request);
  const from = hasFilters(request)
    ? `"PublicParagraphFts" f JOIN "PublicParagraph" p ON p."id" = f.rowid
       JOIN "PublicListing" l ON l."transcriptId" = p."transcriptId"`
    : `"PublicParagraphFts" f`;
  const where = [`"PublicParagraphFts" MATCH ?`, ...filters.sql].join(" AND ");
  // Walking the matches newest first is cheap (no scoring): find where the newest RANK_WINDOW of them begin.
  const boundary = await db.$queryRawUnsafe<RankedRow[]>(
    `SELECT f.rowid AS id FROM ${from} WHERE ${where} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?`,
    match,
    ...filters.values,
    rankWindow - 1,
  );
  const floor = boundary[0] ? rowidLiteral(boundary[0].id) : null;
  const rows = await db.$queryRawUnsafe<RankedRow[]>(
    `SELECT f.rowid AS id FROM ${from} WHERE ${where}${floor === null ? "" : ` AND f.rowid >= ${floor}`}
      ORDER BY f.rank LIMIT ? OFFSET ?`,
    match,
    ...filters.values,
    limit,
    offset,
  );
  return rows.map((row) => Number(row.id));
}

async function countMatches(request: SearchRequest, match: string | null): Promise<number> {
  const filters = filterSql(request);
  const conditions = [...(match ? [`"PublicParagraphFts" MATCH ?`] : []), ...filters.sql];
  const from = match
    ? `"PublicParagraphFts" f JOIN "PublicParagraph" p ON p."id" = f.rowid JOIN "PublicListing" l ON l."transcriptId" = p."transcriptId"`
    : `"PublicParagraph" p JOIN "PublicListing" l ON l."transcriptId" = p."transcriptId"`;
  const simple = match && filters.sql.length === 0;
  const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    simple
      ? `SELECT count(*) AS n FROM (SELECT 1 FROM "PublicParagraphFts" WHERE "PublicParagraphFts" MATCH ? LIMIT ?)`
      : `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${conditions.join(" AND ") || "1"} LIMIT ?)`,
    ...(match ? [match] : []),
    ...(simple ? [] : filters.values),
    MATCH_COUNT_CAP + 1,
  );
  return Number(rows[0]?.n ?? 0);
}

async function paragraphs(ids: number[]): Promise<Map<number, ParagraphRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<ParagraphRow[]>(
    `SELECT p."id", p."transcriptId", p."number", p."text", p."speakerName", p."speakerSlug", p."outlet", p."startMs",
            l."slug", l."title", l."occurredAt", l."place", l."publishedAt"
       FROM "PublicParagraph" p JOIN "PublicListing" l ON l."transcriptId" = p."transcriptId"
      WHERE p."id" IN (${placeholders(ids.length)})`,
    ...ids,
  );
  return new Map(rows.map((row) => [Number(row.id), row]));
}

async function snippets(ids: number[], match: string): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  // rowid IN (…) with MATCH: FTS5 looks each row up in the match's doclists; only these rows get a snippet.
  const rows = await db.$queryRawUnsafe<SnippetRow[]>(
    `SELECT rowid AS id, snippet("PublicParagraphFts", 0, ${SNIPPET_MARKERS_SQL}, '…', ${SNIPPET_TOKENS}) AS snippet
       FROM "PublicParagraphFts" WHERE "PublicParagraphFts" MATCH ? AND rowid IN (${ids.map(rowidLiteral).join(", ")})`,
    match,
  );
  return new Map(rows.map((row) => [Number(row.id), row.snippet]));
}

/** Browsing with filters and no words: the newest paragraphs first, in reading order within a transcript. */
async function browseIds(request: SearchRequest, limit: number, offset: number): Promise<number[]> {
  const filters = filterSql(request);
  const rows = await db.$queryRawUnsafe<RankedRow[]>(
    `SELECT p."id" AS id FROM "PublicParagraph" p JOIN "PublicListing" l ON l."transcriptId" = p."transcriptId"
      WHERE ${filters.sql.join(" AND ")}
      ORDER BY l."sortDate" DESC, p."transcriptId", p."number" LIMIT ? OFFSET ?`,
    ...filters.values,
    limit,
    offset,
  );
  return rows.map((row) => Number(row.id));
}

export async function searchPublishedSqlite(
  request: SearchRequest,
  { rankWindow = RANK_WINDOW }: { rankWindow?: number } = {},
): Promise<SearchPage<PublicSearchHit>> {
  const paging = pagingOf(request);
  const { page, pageSize, offset } = paging;
  const isBrowsing = isEmptyQuery(request.query);
  if (isBrowsing && !hasFilters(request)) return { hits: [], total: 0, totalIsCapped: false, page, pageCount: 1 };

  const match = isBrowsing ? null : matchExpression(request.query);
  const [ids, total] = await Promise.all([
    match ? rankedIds(request, match, pageSize, offset, rankWindow) : browseIds(request, pageSize, offset),
    countMatches(request, match),
  ]);
  const [rows, marked] = await Promise.all([paragraphs(ids), match ? snippets(ids, match) : new Map<number, string>()]);
  const hits = ids.flatMap((id): PublicSearchHit[] => {
    const row = rows.get(id);
    return row ? [toPublicHit(row, marked.get(id) ?? excerpt(row.text))] : [];
  });
  return searchPage(hits, total, paging);
}
