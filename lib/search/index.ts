// Search, as the pages and the API call it: one function per query, each running its database's implementation
// (lib/db/provider.ts): lib/search/sqlite/ (FTS5) or lib/search/postgresql/ (tsvector), with the same results.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { runQuery } from "@/lib/db/provider";
import { searchDeskPostgres } from "@/lib/search/postgresql/desk-search";
import { searchPublishedPostgres } from "@/lib/search/postgresql/public-search";
import { searchDeskSqlite } from "@/lib/search/sqlite/desk-search";
import { searchPublishedSqlite } from "@/lib/search/sqlite/public-search";
import type {
  DeskSearchHit,
  DeskSearchRequest,
  FacetOption,
  PublicSearchHit,
  SearchFacets,
  SearchPage,
  SearchRequest,
} from "@/lib/search/types";

export type { DeskSearchRequest };

/** Published paragraphs matching the words and filters, best first, with snippets. */
export function searchPublished(request: SearchRequest): Promise<SearchPage<PublicSearchHit>> {
  return runQuery({
    sqlite: () => searchPublishedSqlite(request),
    postgresql: () => searchPublishedPostgres(request),
  });
}

/** The working copy of every transcript `actor` may open, drafts included. */
export function searchDesk(actor: Actor, request: DeskSearchRequest): Promise<SearchPage<DeskSearchHit>> {
  return runQuery({
    sqlite: () => searchDeskSqlite(actor, request),
    postgresql: () => searchDeskPostgres(actor, request),
  });
}

const FACET_LIMIT = 200;

/** The filter choices: every speaker, topic and outlet with published words, most frequent first. Portable. */
export async function loadSearchFacets(): Promise<SearchFacets> {
  const [speakers, speakerNames, topics, topicNames, outlets] = await Promise.all([
    db.publicAppearance.groupBy({
      by: ["slug"],
      _sum: { paragraphCount: true },
      orderBy: { _sum: { paragraphCount: "desc" } },
      take: FACET_LIMIT,
    }),
    db.publicAppearance.findMany({ distinct: ["slug"], select: { slug: true, name: true } }),
    db.publicTopic.groupBy({
      by: ["slug"],
      _count: { transcriptId: true },
      orderBy: { _count: { transcriptId: "desc" } },
      take: FACET_LIMIT,
    }),
    db.publicTopic.findMany({ distinct: ["slug"], select: { slug: true, name: true } }),
    db.publicParagraph.groupBy({
      by: ["outlet"],
      where: { outlet: { not: null } },
      _count: { id: true },
      orderBy: { _count: { id: "desc" } },
      take: FACET_LIMIT,
    }),
  ]);
  const speakerName = new Map(speakerNames.map((row) => [row.slug, row.name]));
  const topicName = new Map(topicNames.map((row) => [row.slug, row.name]));
  const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label);
  return {
    speakers: speakers
      .map((row) => ({
        value: row.slug,
        label: speakerName.get(row.slug) ?? row.slug,
        count: row._sum.paragraphCount ?? 0,
      }))
      .sort(byLabel),
    topics: topics
      .map((row) => ({ value: row.slug, label: topicName.get(row.slug) ?? row.slug, count: row._count.transcriptId }))
      .sort(byLabel),
    outlets: outlets
      .flatMap((row) => (row.outlet ? [{ value: row.outlet, label: row.outlet, count: row._count.id }] : []))
      .sort(byLabel),
  };
}
