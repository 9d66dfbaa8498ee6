// GET /t/:slug/export/:format: a published transcript as a file (txt, md, srt, vtt, docx, json), read only from
// its published snapshot through the cached, tagged getPublicTranscript, so publishing, a correction or
// unpublishing changes the download at once. Anything not published is a 404, as its page is.
import { renderExportOffThread } from "@/lib/export/off-thread";
import { parseSlug } from "@/lib/validations/route-params";
import { jsonError } from "@/lib/api/response";
import {
  NoTimingsError,
  PUBLIC_EXPORT_FORMATS,
  exportFromPublicTranscript,
  exportHeaders,
  isPublicExportFormat,
} from "@/lib/export";
import { getPublicTranscript } from "@/lib/publishing/public-queries";
import { absoluteUrl } from "@/lib/site";
import { getMovedSlug, movedPermanently } from "@/lib/publishing/moved";

// Browsers ask again each time; shared caches (a CDN) keep a copy at most as long as they keep the reading page
// (its `revalidate`), since the server's own copy is expired by tag the moment the transcript changes.
const CACHEABLE = "public, max-age=0, s-maxage=300";
// A miss must not be remembered: the transcript may be published a minute later.
const NOT_CACHEABLE = "no-store";

function notFound(code: string, message: string): Response {
  const response = jsonError(404, code, message);
  response.headers.set("cache-control", NOT_CACHEABLE);
  return response;
}

export async function GET(_request: Request, { params }: RouteContext<"/t/[slug]/export/[format]">) {
  const { slug: rawSlug, format } = await params;
  if (!isPublicExportFormat(format)) {
    return notFound("NOT_FOUND", `There is no “${format}” export. Choose one of: ${PUBLIC_EXPORT_FORMATS.join(", ")}.`);
  }
  const slug = parseSlug(rawSlug);
  const transcript = slug ? await getPublicTranscript(slug) : null;
  if (!transcript) {
    const current = slug ? await getMovedSlug(slug) : null;
    if (current) return movedPermanently(`/t/${current}/export/${format}`);
    return notFound("NOT_FOUND", "No published transcript at this address.");
  }
  try {
    const model = exportFromPublicTranscript(transcript, { url: absoluteUrl(transcript.path) });
    const rendered = await renderExportOffThread(format, model);
    return new Response(rendered.body, { headers: { ...exportHeaders(rendered), "cache-control": CACHEABLE } });
  } catch (error) {
    if (error instanceof NoTimingsError) return notFound("NO_TIMINGS", error.message);
    throw error;
  }
}
