import { handleApiErrors, jsonError } from "@/lib/api/response";
import { publicJson } from "@/lib/http/public-json";
import { getApiTranscriptList } from "@/lib/search/cached";
import { parseSearchParams } from "@/lib/search/params";

/**
 * GET /api/public/transcripts?q=…&speaker=…&topic=…&outlet=…&from=YYYY-MM-DD&to=YYYY-MM-DD&page=N
 * Published transcripts only: with a query or filters, one result per matching paragraph, best first (as /search);
 * without, every published transcript, newest first. 20 per page. Documented in docs/discovery.md ("Public read API").
 */
export const GET = handleApiErrors(async (request: Request) => {
  // Rate-limited per client before it gets here, with its RateLimit-* headers (scripts/serve.ts).
  const { request: search, errors } = parseSearchParams(new URL(request.url).searchParams);
  if (Object.keys(errors).length > 0) {
    return jsonError(400, "BAD_REQUEST", Object.values(errors).join(" "), errors);
  }
  return publicJson(request, await getApiTranscriptList(search));
});
