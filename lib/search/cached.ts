// Search results as the public pages and API read them: cached per query and filters, tagged like every public
// list, so a publication, correction or unpublication expires them (lib/publishing/cache.ts) and the next search
// never shows what is no longer public. The cache only spares repeated searches; the first is fast on its own
// (npm run bench:search).
import { unstable_cache } from "next/cache";
import { LISTINGS_TAG, PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import { loadSearchFacets, searchPublished } from "@/lib/search";
import { describeQuery } from "@/lib/search/query";
import { apiSearchResults, isListing, loadApiListing, type ApiTranscriptList } from "@/lib/search/public-api";
import type { PublicSearchHit, SearchFacets, SearchPage, SearchRequest } from "@/lib/search/types";

const tags = [PUBLIC_TAG, LISTINGS_TAG];

function cacheKey(request: SearchRequest): string {
  return JSON.stringify([
    describeQuery(request.query),
    request.speaker ?? "",
    request.topic ?? "",
    request.outlet ?? "",
    request.from?.toISOString() ?? "",
    request.to?.toISOString() ?? "",
    request.page,
    request.pageSize ?? 0,
  ]);
}

export function getPublicSearch(request: SearchRequest): Promise<SearchPage<PublicSearchHit>> {
  return unstable_cache(() => searchPublished(request), ["public-search", cacheKey(request)], { tags })();
}

export function getSearchFacets(): Promise<SearchFacets> {
  const load = () =>
    process.env.NEXT_PHASE === "phase-production-build"
      ? Promise.resolve({ speakers: [], topics: [], outlets: [] })
      : loadSearchFacets();
  return unstable_cache(load, ["public-search-facets"], { tags })();
}

/** GET /api/public/transcripts, cached per request like the search page. */
export function getApiTranscriptList(request: SearchRequest): Promise<ApiTranscriptList> {
  const load = async () =>
    isListing(request) ? loadApiListing(request) : apiSearchResults(request, await searchPublished(request));
  return unstable_cache(load, ["public-api-transcripts", cacheKey(request)], { tags })();
}
