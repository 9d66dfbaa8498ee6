import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { readBody, segmentInsertSchema } from "@/lib/editor/inputs";
import { insertSegment } from "@/lib/editor/segments";

/** POST /api/transcripts/:id/segments: a new paragraph after another (or first). */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/segments">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id } = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, id);
    const input = await readBody(request, segmentInsertSchema);
    return Response.json(await insertSegment(user, id, input), { status: 201 });
  },
);
