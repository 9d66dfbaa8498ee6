// GET /api/oembed?url=<page>&format=json&maxwidth=&maxheight= — oEmbed for published transcripts and key quotes.
import { jsonError } from "@/lib/api/response";
import { OEMBED_CACHE_SECONDS, resolveOembed } from "@/lib/embed/oembed";
import { getPublicQuote, getPublicTranscript } from "@/lib/publishing/public-queries";
import { getSiteName, getSiteUrl } from "@/lib/site";

export async function GET(request: Request): Promise<Response> {
  const result = await resolveOembed(
    new URL(request.url).searchParams,
    { name: getSiteName(), url: getSiteUrl() },
    { findTranscript: getPublicTranscript, findQuote: getPublicQuote },
  );
  // Public data, fetched by consumers' servers and browsers alike.
  const headers = { "access-control-allow-origin": "*" };
  if (!result.ok) {
    const response = jsonError(result.status, result.code, result.message);
    for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
    return response;
  }
  return Response.json(result.body, {
    headers: { ...headers, "cache-control": `public, max-age=${OEMBED_CACHE_SECONDS}` },
  });
}
