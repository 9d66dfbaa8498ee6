import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { entityMergeSchema, readBody } from "@/lib/editor/inputs";
import { mergeEntity } from "@/lib/editor/entities";

/** POST …/entities/:entityId/merge: its mentions go to another entity of the transcript. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/entities/[entityId]/merge">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, p.id);
    return Response.json(
      await mergeEntity(user, p.id, p.entityId, (await readBody(request, entityMergeSchema)).intoId),
    );
  },
);
