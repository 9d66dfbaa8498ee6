import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { splitSchema, readBody } from "@/lib/editor/inputs";
import { splitSegment } from "@/lib/editor/segments";

/** POST …/segments/:segmentId/split: Enter at an offset. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/segments/[segmentId]/split">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, p.id);
    return Response.json(await splitSegment(user, p.id, p.segmentId, await readBody(request, splitSchema)));
  },
);
