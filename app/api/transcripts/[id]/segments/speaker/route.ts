import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { bulkSpeakerSchema, readBody } from "@/lib/editor/inputs";
import { setSpeakerFor } from "@/lib/editor/segments";

/** POST /api/transcripts/:id/segments/speaker: one speaker for many paragraphs. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/segments/speaker">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id } = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, id);
    return Response.json(await setSpeakerFor(user, id, await readBody(request, bulkSpeakerSchema)));
  },
);
