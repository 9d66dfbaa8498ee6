// Staff search on SQLite: FTS5 over the working copy (every transcript's live paragraphs, drafts included), limited
// to the transcripts the person may open (lib/permissions.ts canViewTranscript: editors and admins all, reporters
// their own and those shared with them).
import { db } from "@/lib/db";
import type { TranscriptStatus } from "@/lib/generated/prisma/enums";
import { hasRole, type Actor } from "@/lib/permissions";
import { isEmptyQuery } from "@/lib/search/query";
import { MARK_CLOSE, MARK_OPEN, snippetRuns } from "@/lib/search/snippets";
import { SNIPPET_MARKERS_SQL, SNIPPET_TOKENS, matchExpression, rowidLiteral } from "@/lib/search/sqlite/fts5";
import {
  MATCH_COUNT_CAP,
  SEARCH_PAGE_SIZE,
  type DeskSearchHit,
  type DeskSearchRequest,
  type SearchPage,
} from "@/lib/search/types";

interface HitRow {
  rowid: number;
  segmentId: string;
  transcriptId: string;
  title: string;
  status: TranscriptStatus;
  updatedAt: string;
  speaker: string | null;
}

function conditions(actor: Actor, request: DeskSearchRequest): { sql: string[]; values: unknown[] } {
  const sql = [`s."deletedAt" IS NULL`, `t."deletedAt" IS NULL`];
  const values: unknown[] = [];
  if (!hasRole(actor, "EDITOR")) {
    sql.push(`(t."createdById" = ? OR t."id" IN (SELECT "transcriptId" FROM "TranscriptShare" WHERE "userId" = ?))`);
    values.push(actor.id, actor.id);
  }
  if (request.status) {
    sql.push(`t."status" = ?`);
    values.push(request.status);
  }
  return { sql, values };
}

export async function searchDeskSqlite(actor: Actor, request: DeskSearchRequest): Promise<SearchPage<DeskSearchHit>> {
  const pageSize = request.pageSize ?? SEARCH_PAGE_SIZE;
  const page = Math.max(1, Math.floor(request.page));
  if (!actor.active || isEmptyQuery(request.query)) {
    return { hits: [], total: 0, totalIsCapped: false, page, pageCount: 1 };
  }
  const match = matchExpression(request.query);
  const where = conditions(actor, request);
  const from = `"DeskSegmentFts" f JOIN "Segment" s ON s.rowid = f.rowid JOIN "Transcript" t ON t."id" = s."transcriptId"`;
  const filter = `"DeskSegmentFts" MATCH ? AND ${where.sql.join(" AND ")}`;
  const [rows, counted] = await Promise.all([
    db.$queryRawUnsafe<HitRow[]>(
      `SELECT f.rowid AS rowid, s."id" AS segmentId, t."id" AS transcriptId, t."title", t."status", t."updatedAt",
              sp."name" AS speaker
         FROM ${from} LEFT JOIN "Speaker" sp ON sp."id" = s."speakerId"
        WHERE ${filter}
        ORDER BY f.rank LIMIT ? OFFSET ?`,
      match,
      ...where.values,
      pageSize,
      (page - 1) * pageSize,
    ),
    db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${filter} LIMIT ?)`,
      match,
      ...where.values,
      MATCH_COUNT_CAP + 1,
    ),
  ]);
  const ids = rows.map((row) => Number(row.rowid));
  const snippets =
    ids.length === 0
      ? []
      : await db.$queryRawUnsafe<{ rowid: number; snippet: string }[]>(
          `SELECT rowid, snippet("DeskSegmentFts", 0, ${SNIPPET_MARKERS_SQL}, '…', ${SNIPPET_TOKENS}) AS snippet
             FROM "DeskSegmentFts" WHERE "DeskSegmentFts" MATCH ? AND rowid IN (${ids.map(rowidLiteral).join(", ")})`,
          match,
        );
  const snippetOf = new Map(snippets.map((row) => [Number(row.rowid), row.snippet]));
  const total = Number(counted[0]?.n ?? 0);
  const hits = rows.map((row): DeskSearchHit => ({
    transcript: {
      id: row.transcriptId,
      title: row.title,
      status: row.status,
      updatedAt: new Date(row.updatedAt).toISOString(),
    },
    paragraph: { segmentId: row.segmentId, speaker: row.speaker },
    path: `/desk/transcripts/${row.transcriptId}`,
    snippet: snippetRuns(snippetOf.get(Number(row.rowid)) ?? "", { markOpen: MARK_OPEN, markClose: MARK_CLOSE }),
  }));
  return {
    hits,
    total: Math.min(total, MATCH_COUNT_CAP),
    totalIsCapped: total > MATCH_COUNT_CAP,
    page,
    pageCount: Math.max(1, Math.ceil(Math.min(total, MATCH_COUNT_CAP) / pageSize)),
  };
}
