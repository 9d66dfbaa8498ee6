import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { entityTagSchema, readBody } from "@/lib/editor/inputs";
import { tagEntity } from "@/lib/editor/entities";

/** POST /api/transcripts/:id/entities: tag a name or selection as person, org, place or topic. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/entities">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, p.id);
    return Response.json(await tagEntity(user, p.id, await readBody(request, entityTagSchema)), { status: 201 });
  },
);
