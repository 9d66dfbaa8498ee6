// Staff search on PostgreSQL: the stored tsvector of the working copy's Segment (every transcript's live
// paragraphs, drafts included), limited to the transcripts the person may open, as on SQLite (lib/search/sqlite/
// desk-search.ts).
import { db } from "@/lib/db";
import type { TranscriptStatus } from "@/lib/generated/prisma/enums";
import { hasRole, type Actor } from "@/lib/permissions";
import { headlineSql, restoreAngleBrackets, tsqueryText } from "@/lib/search/postgresql/tsquery";
import { isEmptyQuery } from "@/lib/search/query";
import { MARK_CLOSE, MARK_OPEN, snippetRuns } from "@/lib/search/snippets";
import { MATCH_COUNT_CAP, SEARCH_PAGE_SIZE, type DeskSearchHit, type SearchPage } from "@/lib/search/types";
import type { DeskSearchRequest } from "@/lib/search/types";

interface HitRow {
  segmentId: string;
  transcriptId: string;
  title: string;
  status: TranscriptStatus;
  updatedAt: Date;
  speaker: string | null;
  snippet: string | null;
}

export async function searchDeskPostgres(actor: Actor, request: DeskSearchRequest): Promise<SearchPage<DeskSearchHit>> {
  const pageSize = request.pageSize ?? SEARCH_PAGE_SIZE;
  const page = Math.max(1, Math.floor(request.page));
  if (!actor.active || isEmptyQuery(request.query)) {
    return { hits: [], total: 0, totalIsCapped: false, page, pageCount: 1 };
  }
  const values: unknown[] = [tsqueryText(request.query)];
  const add = (value: unknown) => `$${values.push(value)}`;
  const conditions = [
    `s."searchVector" @@ verbatim_search_query($1)`,
    `s."deletedAt" IS NULL`,
    `t."deletedAt" IS NULL`,
  ];
  if (!hasRole(actor, "EDITOR")) {
    const me = add(actor.id);
    conditions.push(
      `(t."createdById" = ${me} OR t."id" IN (SELECT "transcriptId" FROM "TranscriptShare" WHERE "userId" = ${me}))`,
    );
  }
  if (request.status) conditions.push(`t."status" = ${add(request.status)}::"TranscriptStatus"`);
  const from = `"Segment" s JOIN "Transcript" t ON t."id" = s."transcriptId"`;
  const where = conditions.join(" AND ");
  const countValues = [...values];
  const limit = add(pageSize);
  const offset = add((page - 1) * pageSize);
  const [rows, counted] = await Promise.all([
    db.$queryRawUnsafe<HitRow[]>(
      `SELECT ranked."segmentId", ranked."transcriptId", ranked."title", ranked."status", ranked."updatedAt",
              ranked."speaker", ${headlineSql(`ranked."text"`, "verbatim_search_query($1)")} AS snippet
         FROM (SELECT s."id" AS "segmentId", t."id" AS "transcriptId", t."title", t."status", t."updatedAt",
                      sp."name" AS speaker, s."text", ts_rank_cd(s."searchVector", verbatim_search_query($1)) AS rank
                 FROM ${from} LEFT JOIN "Speaker" sp ON sp."id" = s."speakerId"
                WHERE ${where}
                ORDER BY rank DESC, s."id" LIMIT ${limit} OFFSET ${offset}) AS ranked
        ORDER BY ranked.rank DESC, ranked."segmentId"`,
      ...values,
    ),
    db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${MATCH_COUNT_CAP + 1}) AS matches`,
      ...countValues,
    ),
  ]);
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
    snippet: snippetRuns(restoreAngleBrackets(row.snippet ?? ""), { markOpen: MARK_OPEN, markClose: MARK_CLOSE }),
  }));
  return {
    hits,
    total: Math.min(total, MATCH_COUNT_CAP),
    totalIsCapped: total > MATCH_COUNT_CAP,
    page,
    pageCount: Math.max(1, Math.ceil(Math.min(total, MATCH_COUNT_CAP) / pageSize)),
  };
}
