import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { annotationPatchSchema, readBody } from "@/lib/editor/inputs";
import { deleteAnnotation, updateAnnotation } from "@/lib/editor/annotations";

type Context = RouteContext<"/api/transcripts/[id]/annotations/[annotationId]">;

/** PATCH …/annotations/:annotationId: edit, resolve / reopen a note, or re-attach (segmentId + start + end). */
export const PATCH = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id, annotationId } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  return Response.json(await updateAnnotation(user, id, annotationId, await readBody(request, annotationPatchSchema)));
});

/** DELETE …/annotations/:annotationId: soft; history can bring it back. */
export const DELETE = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id, annotationId } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  return Response.json(await deleteAnnotation(user, id, annotationId));
});
