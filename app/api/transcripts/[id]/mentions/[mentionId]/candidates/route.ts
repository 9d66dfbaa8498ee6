import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { mentionCandidates } from "@/lib/editor/review";

type Context = RouteContext<"/api/transcripts/[id]/mentions/[mentionId]/candidates">;

/** GET …/mentions/:mentionId/candidates: ranked places to re-attach an entity mention that needs review. */
export const GET = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id, mentionId } = await params;
  return Response.json(await mentionCandidates(user, id, mentionId), {
    headers: { "cache-control": "private, no-store" },
  });
});
