import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { AppError } from "@/lib/errors";
import { readBody, segmentPatchSchema } from "@/lib/editor/inputs";
import { deleteSegment, editSegment } from "@/lib/editor/segments";

type Context = RouteContext<"/api/transcripts/[id]/segments/[segmentId]">;

/**
 * PATCH /api/transcripts/:id/segments/:segmentId: text, speaker and timings of one paragraph. 409 CONFLICT with
 * the current paragraph when baseVersion is stale.
 */
export const PATCH = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id, segmentId } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  const input = await readBody(request, segmentPatchSchema);
  const started = performance.now();
  const result = await editSegment(user, id, segmentId, input);
  // The save's own time on the server (npm run bench:editor reads it), without the body's upload.
  return Response.json(result, {
    headers: { "server-timing": `save;dur=${(performance.now() - started).toFixed(1)}` },
  });
});

/** DELETE /api/transcripts/:id/segments/:segmentId?baseVersion=N: soft; POST …/restore brings it back. */
export const DELETE = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id, segmentId } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  const baseVersion = Number(new URL(request.url).searchParams.get("baseVersion"));
  if (!Number.isInteger(baseVersion) || baseVersion < 1) {
    throw new AppError("BAD_REQUEST", "Send the version you are deleting as ?baseVersion=N.", {
      baseVersion: "Required.",
    });
  }
  return Response.json(await deleteSegment(user, id, segmentId, baseVersion));
});
