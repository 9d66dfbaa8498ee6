import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { readBody, speakerPatchSchema } from "@/lib/editor/inputs";
import { updateSpeaker } from "@/lib/editor/speakers";

/** PATCH /api/transcripts/:id/speakers/:speakerId: rename everywhere, title, role, outlet, linked person. */
export const PATCH = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/speakers/[speakerId]">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id, speakerId } = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, id);
    return Response.json(await updateSpeaker(user, id, speakerId, await readBody(request, speakerPatchSchema)));
  },
);
