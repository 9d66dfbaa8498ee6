// Public full-text search on PostgreSQL: the stored tsvector of PublicParagraph (prisma/postgresql/migrations/
// *_full_text) with its GIN index, ranked by ts_rank_cd. As on SQLite, ranking and snippets are two queries: the
// rows are ranked first, and ts_headline (which re-reads each paragraph) runs only for the ones shown.
import { db } from "@/lib/db";
import { isEmptyQuery } from "@/lib/search/query";
import { headlineSql, restoreAngleBrackets, tsqueryText } from "@/lib/search/postgresql/tsquery";
import { pagingOf, searchPage, toPublicHit } from "@/lib/search/public-hits";
import { excerpt, MARK_CLOSE, MARK_OPEN } from "@/lib/search/snippets";
import {
  MATCH_COUNT_CAP,
  type PublicSearchHit,
  type SearchFilters,
  type SearchPage,
  type SearchRequest,
} from "@/lib/search/types";

/** Matches ranked at most, newest first beyond it: the same window, and for the same reason, as SQLite's. */
export const RANK_WINDOW = 2_000;

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
  occurredAt: Date | null;
  place: string | null;
  publishedAt: Date;
  snippet: string | null;
}

/** Numbered placeholders, counting on from the values already bound. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The WHERE conditions (on PublicParagraph p and PublicListing l) for the filters. */
function filterSql(filters: SearchFilters, parameters: Parameters): string[] {
  const sql: string[] = [];
  if (filters.speaker) sql.push(`p."speakerSlug" = ${parameters.add(filters.speaker)}`);
  if (filters.outlet) sql.push(`p."outlet" = ${parameters.add(filters.outlet)}`);
  if (filters.topic) {
    sql.push(
      `p."transcriptId" IN (SELECT "transcriptId" FROM "PublicTopic" WHERE "slug" = ${parameters.add(filters.topic)})`,
    );
  }
  if (filters.from) sql.push(`l."sortDate" >= ${parameters.add(filters.from)}`);
  // Inclusive of the whole "to" day.
  if (filters.to) sql.push(`l."sortDate" < ${parameters.add(new Date(filters.to.getTime() + 86_400_000))}`);
  return sql;
}

function hasFilters(filters: SearchFilters): boolean {
  return filterSql(filters, new Parameters()).length > 0;
}

const FROM = `"PublicParagraph" p JOIN "PublicListing" l ON l."transcriptId" = p."transcriptId"`;

async function rankedIds(
  request: SearchRequest,
  query: string,
  limit: number,
  offset: number,
  rankWindow: number,
): Promise<number[]> {
  const parameters = new Parameters();
  const q = parameters.add(query);
  const where = [`p."searchVector" @@ verbatim_search_query(${q})`, ...filterSql(request, parameters)].join(" AND ");
  // One pass: the newest `rankWindow` matches (the GIN index finds them, the id orders them), ranked among
  // themselves. Finding the window's floor first and ranking in a second query made PostgreSQL match twice.
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT w.id FROM (
        SELECT p."id" AS id, p."searchVector" AS vector FROM ${FROM} WHERE ${where}
         ORDER BY p."id" DESC LIMIT ${parameters.add(rankWindow)}
      ) AS w
      ORDER BY ts_rank_cd(w.vector, verbatim_search_query(${q})) DESC, w.id DESC
      LIMIT ${parameters.add(limit)} OFFSET ${parameters.add(offset)}`,
    ...parameters.values,
  );
  return rows.map((row) => Number(row.id));
}

async function countMatches(request: SearchRequest, query: string | null): Promise<number> {
  const parameters = new Parameters();
  const conditions = [
    ...(query ? [`p."searchVector" @@ verbatim_search_query(${parameters.add(query)})`] : []),
    ...filterSql(request, parameters),
  ];
  const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${FROM} WHERE ${conditions.join(" AND ") || "TRUE"}
       LIMIT ${parameters.add(MATCH_COUNT_CAP + 1)}) AS matches`,
    ...parameters.values,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Browsing with filters and no words: the newest paragraphs first, in reading order within a transcript. */
async function browseIds(request: SearchRequest, limit: number, offset: number): Promise<number[]> {
  const parameters = new Parameters();
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT p."id" AS id FROM ${FROM} WHERE ${filterSql(request, parameters).join(" AND ")}
      ORDER BY l."sortDate" DESC, p."transcriptId", p."number"
      LIMIT ${parameters.add(limit)} OFFSET ${parameters.add(offset)}`,
    ...parameters.values,
  );
  return rows.map((row) => Number(row.id));
}

/** The rows to show, with their snippets (ts_headline only for these). */
async function paragraphs(ids: number[], query: string | null): Promise<Map<number, ParagraphRow>> {
  if (ids.length === 0) return new Map();
  const parameters = new Parameters();
  const idList = parameters.add(ids);
  const headline = query ? headlineSql(`p."text"`, `verbatim_search_query(${parameters.add(query)})`) : "NULL";
  const rows = await db.$queryRawUnsafe<ParagraphRow[]>(
    `SELECT p."id", p."transcriptId", p."number", p."text", p."speakerName", p."speakerSlug", p."outlet", p."startMs",
            l."slug", l."title", l."occurredAt", l."place", l."publishedAt", ${headline} AS snippet
       FROM ${FROM} WHERE p."id" = ANY(${idList}::int[])`,
    ...parameters.values,
  );
  return new Map(rows.map((row) => [Number(row.id), row]));
}

/** A headline that starts or ends inside the paragraph says so, as SQLite's snippet() does. */
function withEllipses(snippet: string, text: string): string {
  const plain = snippet.replaceAll(MARK_OPEN, "").replaceAll(MARK_CLOSE, "");
  const head = plain.split(" … ")[0]?.trim() ?? "";
  const tail = plain.split(" … ").at(-1)?.trim() ?? "";
  return `${text.trimStart().startsWith(head) ? "" : "…"}${snippet}${text.trimEnd().endsWith(tail) ? "" : "…"}`;
}

export async function searchPublishedPostgres(
  request: SearchRequest,
  { rankWindow = RANK_WINDOW }: { rankWindow?: number } = {},
): Promise<SearchPage<PublicSearchHit>> {
  const paging = pagingOf(request);
  const { page, pageSize, offset } = paging;
  const isBrowsing = isEmptyQuery(request.query);
  if (isBrowsing && !hasFilters(request)) return { hits: [], total: 0, totalIsCapped: false, page, pageCount: 1 };

  const query = isBrowsing ? null : tsqueryText(request.query);
  const [ids, total] = await Promise.all([
    query ? rankedIds(request, query, pageSize, offset, rankWindow) : browseIds(request, pageSize, offset),
    countMatches(request, query),
  ]);
  const rows = await paragraphs(ids, query);
  const hits = ids.flatMap((id): PublicSearchHit[] => {
    const row = rows.get(id);
    if (!row) return [];
    const headline = row.snippet === null ? null : restoreAngleBrackets(row.snippet);
    return [toPublicHit(row, headline?.includes(MARK_OPEN) ? withEllipses(headline, row.text) : excerpt(row.text))];
  });
  return searchPage(hits, total, paging);
}
