import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { readBody } from "@/lib/editor/inputs";
import { recordCorrection } from "@/lib/publishing/corrections";
import { correctionSchema } from "@/lib/publishing/inputs";

type Context = RouteContext<"/api/transcripts/[id]/corrections">;

/** POST /api/transcripts/:id/corrections `{segmentId, text, reason}` → 201 with the correction (editors, admins). */
export const POST = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  const input = await readBody(request, correctionSchema);
  return Response.json({ correction: await recordCorrection(user, id, input) }, { status: 201 });
});
