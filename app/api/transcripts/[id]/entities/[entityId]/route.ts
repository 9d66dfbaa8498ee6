import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { entityStatusSchema, readBody } from "@/lib/editor/inputs";
import { setEntityStatus } from "@/lib/editor/entities";

/** PATCH /api/transcripts/:id/entities/:entityId: accept, reject or reopen a suggestion. */
export const PATCH = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/entities/[entityId]">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id, entityId } = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, id);
    const { status } = await readBody(request, entityStatusSchema);
    return Response.json(await setEntityStatus(user, id, entityId, status));
  },
);
