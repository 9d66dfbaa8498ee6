import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { mentionReattachSchema, readBody } from "@/lib/editor/inputs";
import { deleteMention, reattachMention } from "@/lib/editor/review";

type Context = RouteContext<"/api/transcripts/[id]/mentions/[mentionId]">;

/** PATCH …/mentions/:mentionId {segmentId, start, end}: re-attach a mention to the words a person chose. */
export const PATCH = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id, mentionId } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  return Response.json(await reattachMention(user, id, mentionId, await readBody(request, mentionReattachSchema)));
});

/** DELETE …/mentions/:mentionId: the words are not a mention of the entity. */
export const DELETE = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id, mentionId } = await params;
  await requireTranscriptFor(user, id);
  return Response.json(await deleteMention(user, id, mentionId));
});
