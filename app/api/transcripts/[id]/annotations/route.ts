import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { annotationCreateSchema, readBody } from "@/lib/editor/inputs";
import { createAnnotation, listAnnotations } from "@/lib/editor/annotations";

type Context = RouteContext<"/api/transcripts/[id]/annotations">;

/** GET /api/transcripts/:id/annotations: every annotation, anchored or needing review (notes included: staff only). */
export const GET = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  return Response.json(
    { annotations: await listAnnotations(user, id) },
    { headers: { "cache-control": "private, no-store" } },
  );
});

/** POST /api/transcripts/:id/annotations: 201 with the anchored annotation; 422 when the range is outside the text. */
export const POST = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  return Response.json(await createAnnotation(user, id, await readBody(request, annotationCreateSchema)), {
    status: 201,
  });
});
