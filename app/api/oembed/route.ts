// GET /api/oembed?url=<page>&format=json&maxwidth=&maxheight= — oEmbed for published transcripts and key quotes.
import { errorResponse } from "@/lib/api/response";
import { OEMBED_CACHE_SECONDS, resolveOembed } from "@/lib/embed/oembed";
import { getPublicQuote, getPublicTranscript } from "@/lib/publishing/public-queries";
import { getSiteName, getSiteUrl } from "@/lib/site";

// Public data, fetched by consumers' servers and browsers alike.
const CORS = { "access-control-allow-origin": "*" };

export async function GET(request: Request): Promise<Response> {
  try {
    const body = await resolveOembed(
      new URL(request.url).searchParams,
      { name: getSiteName(), url: getSiteUrl() },
      { findTranscript: getPublicTranscript, findQuote: getPublicQuote },
    );
    return Response.json(body, { headers: { ...CORS, "cache-control": `public, max-age=${OEMBED_CACHE_SECONDS}` } });
  } catch (error) {
    const response = errorResponse(error);
    for (const [key, value] of Object.entries(CORS)) response.headers.set(key, value);
    return response;
  }
}
