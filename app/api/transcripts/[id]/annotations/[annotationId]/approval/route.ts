import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { approveAnnotation } from "@/lib/editor/annotations";

/**
 * POST …/annotations/:annotationId/approval → 200 {annotation}: an editor lets live readers see a reporter's public
 * note (403 for a reporter, 409 when it is not waiting for approval).
 */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/annotations/[annotationId]/approval">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    await requireTranscriptFor(user, p.id);
    return Response.json(await approveAnnotation(user, p.id, p.annotationId));
  },
);
