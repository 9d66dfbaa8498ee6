import { handleApiErrors, jsonError } from "@/lib/api/response";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { publicApiLimit } from "@/lib/http/public-api-limit";
import { publicJson } from "@/lib/http/public-json";
import { getApiTranscriptList } from "@/lib/search/cached";
import { parseSearchParams } from "@/lib/search/params";

/**
 * GET /api/public/transcripts?q=…&speaker=…&topic=…&outlet=…&from=YYYY-MM-DD&to=YYYY-MM-DD&page=N
 * Published transcripts only: with a query or filters, one result per matching paragraph, best first (as /search);
 * without, every published transcript, newest first. 20 per page. Documented in docs/discovery.md ("Public read API").
 */
export const GET = handleApiErrors(async (request: Request) => {
  const limit = await publicApiLimit().take(clientAddressFromHeaders(request.headers));
  if (!limit.allowed) {
    const response = jsonError(429, "RATE_LIMITED", "Too many requests: wait a minute and try again.");
    for (const [name, value] of Object.entries(limit.headers)) response.headers.set(name, value);
    return response;
  }
  const { request: search, errors } = parseSearchParams(new URL(request.url).searchParams);
  if (Object.keys(errors).length > 0) {
    const response = jsonError(400, "BAD_REQUEST", Object.values(errors).join(" "), errors);
    for (const [name, value] of Object.entries(limit.headers)) response.headers.set(name, value);
    return response;
  }
  return publicJson(request, await getApiTranscriptList(search), limit.headers);
});
