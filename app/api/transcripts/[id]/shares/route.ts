import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { readBody, shareSchema } from "@/lib/editor/inputs";
import { listShares, shareWith } from "@/lib/editor/shares";

type Context = RouteContext<"/api/transcripts/[id]/shares">;

/** GET /api/transcripts/:id/shares: the colleagues it is shared with. */
export const GET = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  return Response.json({ shares: await listShares(user, id) });
});

/** POST /api/transcripts/:id/shares `{email}`: share with a colleague (owner, editors and admins). */
export const POST = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  const { email } = await readBody(request, shareSchema);
  return Response.json({ shares: await shareWith(user, id, email) }, { status: 201 });
});
