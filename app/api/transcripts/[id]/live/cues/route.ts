import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { readBodyText } from "@/lib/editor/inputs";
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
  const body = await readBodyText(request, {
    tooLarge: "That request is over the 2 MB limit: send cues in smaller batches.",
  });
  const cues = parseCueBody(body);
  return Response.json(await feedLiveCues(user, id, cues), { status: 202 });
});
