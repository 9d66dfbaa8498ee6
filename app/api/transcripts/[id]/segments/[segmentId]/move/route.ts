import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { moveSchema, readBody } from "@/lib/editor/inputs";
import { moveSegment } from "@/lib/editor/segments";

/** POST …/segments/:segmentId/move: after another paragraph, or first. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/segments/[segmentId]/move">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, p.id);
    return Response.json(await moveSegment(user, p.id, p.segmentId, await readBody(request, moveSchema)));
  },
);
