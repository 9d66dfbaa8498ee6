import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { readBody } from "@/lib/editor/inputs";
import { transitionSchema } from "@/lib/publishing/inputs";
import { transitionTranscript } from "@/lib/publishing/workflow";

type Context = RouteContext<"/api/transcripts/[id]/transitions">;

/**
 * POST /api/transcripts/:id/transitions `{to, note?, publishAt?, overrides?}` → 200 `{status, publishedAt, url}`;
 * 403 when a reporter publishes; 422 CHECKS_FAILED with `checks` when pre-publish checks stop it.
 */
export const POST = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  const input = await readBody(request, transitionSchema);
  return Response.json(await transitionTranscript(user, id, input));
});
