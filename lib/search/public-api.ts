// GET /api/public/transcripts: the JSON a newsroom's scripts and partners read. With a query or filters, one result
// per matching paragraph, best first, exactly as /search shows them; with neither, every published transcript,
// newest first. Read from the public index only (lib/publishing/public-index.ts), so nothing unpublished is listed.
import { db } from "@/lib/db";
import type { Fidelity } from "@/lib/generated/prisma/enums";
import { readJson, tagsSchema } from "@/lib/json-columns";
import { describeQuery, isEmptyQuery } from "@/lib/search/query";
import { snippetHtml } from "@/lib/search/snippets";
import { SEARCH_PAGE_SIZE, type PublicSearchHit, type SearchPage, type SearchRequest } from "@/lib/search/types";
import { absoluteUrl } from "@/lib/site";

export interface ApiTranscriptSummary {
  slug: string;
  title: string;
  /** The reading page. */
  url: string;
  /** This transcript in the export JSON shape: GET /api/public/transcripts/<slug>. */
  apiUrl: string;
  occurredAt: string | null;
  place: string | null;
  publishedAt: string;
  updatedAt: string;
  speakers: string[];
  wordCount: number;
  fidelity: Fidelity;
}

export interface ApiMatch {
  paragraph: number;
  speaker: string | null;
  outlet: string | null;
  /** The paragraph on the reading page. */
  url: string;
  /** HTML: the paragraph's text escaped, the matching words in <mark>. */
  snippet: string;
}

export interface ApiTranscriptResult extends ApiTranscriptSummary {
  /** The paragraph that matched: null when listing without a query or filters. */
  match: ApiMatch | null;
}

export interface ApiTranscriptList {
  query: {
    q: string | null;
    speaker: string | null;
    topic: string | null;
    outlet: string | null;
    from: string | null;
    to: string | null;
  };
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  /** More results than `total` exist (matches are counted up to 1,000). */
  totalIsCapped: boolean;
  results: ApiTranscriptResult[];
}

export function isListing(request: SearchRequest): boolean {
  return (
    isEmptyQuery(request.query) && !request.speaker && !request.topic && !request.outlet && !request.from && !request.to
  );
}

const day = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? null;

function echo(request: SearchRequest): ApiTranscriptList["query"] {
  return {
    q: describeQuery(request.query) || null,
    speaker: request.speaker ?? null,
    topic: request.topic ?? null,
    outlet: request.outlet ?? null,
    from: day(request.from),
    to: day(request.to),
  };
}

function links(slug: string) {
  return { url: absoluteUrl(`/t/${slug}`), apiUrl: absoluteUrl(`/api/public/transcripts/${encodeURIComponent(slug)}`) };
}

/** Every published transcript, newest publication first. */
export async function loadApiListing(request: SearchRequest): Promise<ApiTranscriptList> {
  const pageSize = SEARCH_PAGE_SIZE;
  const [total, rows] = await Promise.all([
    db.publicListing.count(),
    db.publicListing.findMany({
      orderBy: [{ publishedAt: "desc" }, { transcriptId: "asc" }],
      skip: (request.page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return {
    query: echo(request),
    page: request.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    total,
    totalIsCapped: false,
    results: rows.map((row) => ({
      slug: row.slug,
      title: row.title,
      ...links(row.slug),
      occurredAt: row.occurredAt?.toISOString() ?? null,
      place: row.place,
      publishedAt: row.publishedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      speakers: readJson(tagsSchema, row.speakers, []),
      wordCount: row.wordCount,
      fidelity: row.fidelity,
      match: null,
    })),
  };
}

/** Search results in the API's shape; each transcript's summary read once from the public index. */
export async function apiSearchResults(
  request: SearchRequest,
  page: SearchPage<PublicSearchHit>,
): Promise<ApiTranscriptList> {
  const ids = [...new Set(page.hits.map((hit) => hit.transcript.id))];
  const listings = new Map(
    (await db.publicListing.findMany({ where: { transcriptId: { in: ids } } })).map((row) => [row.transcriptId, row]),
  );
  return {
    query: echo(request),
    page: page.page,
    pageSize: SEARCH_PAGE_SIZE,
    pageCount: page.pageCount,
    total: page.total,
    totalIsCapped: page.totalIsCapped,
    results: page.hits.flatMap((hit): ApiTranscriptResult[] => {
      const listing = listings.get(hit.transcript.id);
      // Unpublished between the two reads: it is no longer public, so it is left out.
      if (!listing) return [];
      return [
        {
          slug: listing.slug,
          title: listing.title,
          ...links(listing.slug),
          occurredAt: listing.occurredAt?.toISOString() ?? null,
          place: listing.place,
          publishedAt: listing.publishedAt.toISOString(),
          updatedAt: listing.updatedAt.toISOString(),
          speakers: readJson(tagsSchema, listing.speakers, []),
          wordCount: listing.wordCount,
          fidelity: listing.fidelity,
          match: {
            paragraph: hit.paragraph.number,
            speaker: hit.paragraph.speaker,
            outlet: hit.paragraph.outlet,
            url: absoluteUrl(hit.path),
            snippet: snippetHtml(hit.snippet),
          },
        },
      ];
    }),
  };
}
