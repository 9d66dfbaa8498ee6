import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { speakerCreateSchema, readBody } from "@/lib/editor/inputs";
import { addSpeaker } from "@/lib/editor/speakers";

/** POST /api/transcripts/:id/speakers: a new speaker. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/speakers">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, p.id);
    return Response.json(await addSpeaker(user, p.id, await readBody(request, speakerCreateSchema)), { status: 201 });
  },
);
