// GET /api/transcripts/:id/export/:format[?notes=1]: any transcript staff may see, from its working copy (current
// speaker names, live paragraphs), as txt, md, srt, vtt, docx, json, or its annotations alone as csv. Internal
// notes come only with ?notes=1 (always in the csv), each marked internal.
import { renderExportOffThread } from "@/lib/export/off-thread";
import { handleApiErrors, jsonError } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { NoTimingsError, STAFF_EXPORT_FORMATS, exportHeaders, isExportFormat } from "@/lib/export";
import { loadStaffExport } from "@/lib/export/staff-model";

type Context = RouteContext<"/api/transcripts/[id]/export/[format]">;

export const GET = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id, format } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the format.
  await requireTranscriptFor(user, id);
  if (!isExportFormat(format)) {
    return jsonError(
      404,
      "NOT_FOUND",
      `There is no “${format}” export. Choose one of: ${STAFF_EXPORT_FORMATS.join(", ")}.`,
    );
  }
  const includeNotes = format === "csv" || new URL(request.url).searchParams.get("notes") === "1";
  const model = await loadStaffExport(user, id, { includeNotes });
  try {
    const rendered = await renderExportOffThread(format, model);
    return new Response(rendered.body, {
      headers: { ...exportHeaders(rendered), "cache-control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof NoTimingsError) return jsonError(404, "NO_TIMINGS", error.message);
    throw error;
  }
});
