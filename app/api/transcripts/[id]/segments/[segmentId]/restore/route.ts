import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { restoreSegment } from "@/lib/editor/segments";

/** POST …/segments/:segmentId/restore: brings a deleted paragraph back. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/segments/[segmentId]/restore">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    return Response.json(await restoreSegment(user, p.id, p.segmentId));
  },
);
