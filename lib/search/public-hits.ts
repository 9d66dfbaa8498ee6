// The public search's page, shaped the same whichever database found the paragraphs (lib/search/sqlite/,
// lib/search/postgresql/): paging from the request, one hit per paragraph row, the capped count.
import { MARK_CLOSE, MARK_OPEN, snippetRuns } from "@/lib/search/snippets";
import {
  MATCH_COUNT_CAP,
  SEARCH_PAGE_SIZE,
  type PublicSearchHit,
  type SearchPage,
  type SearchRequest,
} from "@/lib/search/types";

/** One found paragraph with its transcript, as both databases' queries select it (dates as text or as Date). */
export interface PublicParagraphRow {
  transcriptId: string;
  number: number | bigint;
  speakerName: string | null;
  speakerSlug: string | null;
  outlet: string | null;
  startMs: number | bigint | null;
  slug: string;
  title: string;
  occurredAt: string | Date | null;
  place: string | null;
  publishedAt: string | Date;
}

/** Which page of how many, and where it starts. */
export function pagingOf(request: SearchRequest): { page: number; pageSize: number; offset: number } {
  const pageSize = request.pageSize ?? SEARCH_PAGE_SIZE;
  const page = Math.max(1, Math.floor(request.page));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** A hit; `marked` is the paragraph's snippet with its matches between MARK_OPEN and MARK_CLOSE. */
export function toPublicHit(row: PublicParagraphRow, marked: string): PublicSearchHit {
  return {
    transcript: {
      id: row.transcriptId,
      slug: row.slug,
      title: row.title,
      occurredAt: row.occurredAt === null ? null : new Date(row.occurredAt).toISOString(),
      place: row.place,
      publishedAt: new Date(row.publishedAt).toISOString(),
    },
    paragraph: {
      number: Number(row.number),
      speaker: row.speakerName,
      speakerSlug: row.speakerSlug,
      outlet: row.outlet,
      startMs: row.startMs === null ? null : Number(row.startMs),
    },
    path: `/t/${row.slug}#p-${row.number}`,
    snippet: snippetRuns(marked, { markOpen: MARK_OPEN, markClose: MARK_CLOSE }),
  };
}

/** The page of hits, with the count capped at MATCH_COUNT_CAP (and saying so). */
export function searchPage(
  hits: PublicSearchHit[],
  total: number,
  { page, pageSize }: { page: number; pageSize: number },
): SearchPage<PublicSearchHit> {
  const counted = Math.min(total, MATCH_COUNT_CAP);
  return {
    hits,
    total: counted,
    totalIsCapped: total > MATCH_COUNT_CAP,
    page,
    pageCount: Math.max(1, Math.ceil(counted / pageSize)),
  };
}
