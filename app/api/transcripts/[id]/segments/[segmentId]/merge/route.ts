import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { mergeSchema, readBody } from "@/lib/editor/inputs";
import { mergeIntoPrevious } from "@/lib/editor/segments";

/** POST …/segments/:segmentId/merge: joins this paragraph onto the previous one. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/segments/[segmentId]/merge">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, p.id);
    return Response.json(await mergeIntoPrevious(user, p.id, p.segmentId, await readBody(request, mergeSchema)));
  },
);
