import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { annotationCandidates } from "@/lib/editor/review";

type Context = RouteContext<"/api/transcripts/[id]/annotations/[annotationId]/candidates">;

/** GET …/annotations/:annotationId/candidates: ranked places to re-attach an annotation that needs review. */
export const GET = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id, annotationId } = await params;
  return Response.json(await annotationCandidates(user, id, annotationId), {
    headers: { "cache-control": "private, no-store" },
  });
});
