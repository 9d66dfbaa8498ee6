import { readBodyBytes } from "@/lib/api/transcript-request";
import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { MAX_BODY_BYTES } from "@/lib/editor/inputs";
import { AppError } from "@/lib/errors";
import { feedLiveCues } from "@/lib/live/feed";
import { parseCueBody } from "@/lib/live/inputs";
import { requireTranscriptFor } from "@/lib/transcripts/access";

type Context = RouteContext<"/api/transcripts/[id]/live/cues">;

/**
 * POST /api/transcripts/:id/live/cues `{cues: [{speaker?, text, startMs?, endMs?, final?}]}` (or a streaming
 * recogniser's messages) → 202 `{segments}`: the paragraphs the final cues created or extended. A non-final cue
 * replaces the previous non-final one and writes no paragraph.
 */
export const POST = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // A stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id, { edit: true });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    throw new AppError("TOO_LARGE", "That request is over the 2 MB limit: send cues in smaller batches.");
  }
  const bytes = await readBodyBytes(request, MAX_BODY_BYTES).catch(() => {
    throw new AppError(
      "TOO_LARGE",
      "That request is over the 2 MB limit, or was cut off: send cues in smaller batches.",
    );
  });
  const cues = parseCueBody(new TextDecoder().decode(bytes));
  return Response.json(await feedLiveCues(user, id, cues), { status: 202 });
});
