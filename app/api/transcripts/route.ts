import { handleApiErrors } from "@/lib/api/response";
import { readTranscriptRequest } from "@/lib/api/transcript-request";
import { requireApiUser } from "@/lib/auth/session";
import { ingestInWorker } from "@/lib/transcripts/ingest-pool";
import { suggestFidelity, createDraftFromUpload } from "@/lib/transcripts/create-draft";
import { absoluteUrl } from "@/lib/site";

/**
 * POST /api/transcripts: upload a transcript and create a draft owned by the caller (201), or with `dryRun`
 * return the parse without writing anything (200). Authenticated with a personal API token or the desk's session.
 * The body is counted as it streams and cut off at the limit; parsing runs in the ingestion worker pool.
 */
export const POST = handleApiErrors(async (request: Request) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { input, title, fidelity, overrides, dryRun } = await readTranscriptRequest(request);
  if (dryRun) {
    const preview = await ingestInWorker(input);
    return Response.json({ preview, suggestedFidelity: suggestFidelity(preview) });
  }
  const draft = await createDraftFromUpload({ userId: user.id, input, title, fidelity, overrides });
  return Response.json(
    {
      id: draft.id,
      slug: draft.slug,
      title: draft.title,
      url: absoluteUrl(`/desk/transcripts/${draft.id}`),
      format: draft.format,
      speakers: draft.speakers,
      segments: draft.segments,
      removedLines: draft.removedLines,
      warnings: draft.warnings,
    },
    { status: 201, headers: { location: `/desk/transcripts/${draft.id}` } },
  );
});
