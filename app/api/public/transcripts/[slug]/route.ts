import { parseSlug } from "@/lib/validations/route-params";
import { handleApiErrors, jsonError } from "@/lib/api/response";
import { exportFromPublicTranscript } from "@/lib/export";
import { buildJsonExport } from "@/lib/export/json";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { publicApiLimit } from "@/lib/http/public-api-limit";
import { publicJson } from "@/lib/http/public-json";
import { getPublicTranscript } from "@/lib/publishing/public-queries";
import { absoluteUrl } from "@/lib/site";

/**
 * GET /api/public/transcripts/:slug: one published transcript in the export JSON shape (the same document as
 * /t/:slug/export/json; its JSON Schema is at /api/public/export-schema.json). Anything not published is a 404.
 */
export const GET = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/public/transcripts/[slug]">) => {
    const limit = await publicApiLimit().take(clientAddressFromHeaders(request.headers));
    const withLimit = (response: Response) => {
      for (const [name, value] of Object.entries(limit.headers)) response.headers.set(name, value);
      return response;
    };
    if (!limit.allowed)
      return withLimit(jsonError(429, "RATE_LIMITED", "Too many requests: wait a minute and try again."));
    const slug = parseSlug((await params).slug);
    const transcript = slug ? await getPublicTranscript(slug) : null;
    if (!transcript) {
      const response = jsonError(404, "NOT_FOUND", "No published transcript at this address.");
      response.headers.set("cache-control", "no-store");
      return withLimit(response);
    }
    const document = buildJsonExport(exportFromPublicTranscript(transcript, { url: absoluteUrl(transcript.path) }));
    return publicJson(request, document, limit.headers);
  },
);
