import { parseSlug } from "@/lib/validations/route-params";
import { handleApiErrors, jsonError } from "@/lib/api/response";
import { exportFromPublicTranscript } from "@/lib/export";
import { buildJsonExport } from "@/lib/export/json";
import { publicJson } from "@/lib/http/public-json";
import { getPublicTranscript } from "@/lib/publishing/public-queries";
import { absoluteUrl } from "@/lib/site";

/**
 * GET /api/public/transcripts/:slug: one published transcript in the export JSON shape (the same document as
 * /t/:slug/export/json; its JSON Schema is at /api/public/export-schema.json). Anything not published is a 404.
 */
export const GET = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/public/transcripts/[slug]">) => {
    // Rate-limited per client before it gets here, with its RateLimit-* headers (scripts/serve.ts).
    const slug = parseSlug((await params).slug);
    const transcript = slug ? await getPublicTranscript(slug) : null;
    if (!transcript) {
      const response = jsonError(404, "NOT_FOUND", "No published transcript at this address.");
      response.headers.set("cache-control", "no-store");
      return response;
    }
    const document = buildJsonExport(exportFromPublicTranscript(transcript, { url: absoluteUrl(transcript.path) }));
    return publicJson(request, document);
  },
);
