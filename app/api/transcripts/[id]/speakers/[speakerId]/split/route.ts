import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { speakerSplitSchema, readBody } from "@/lib/editor/inputs";
import { splitSpeaker } from "@/lib/editor/speakers";

/** POST …/speakers/:speakerId/split: paragraphs to existing or new speakers. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/speakers/[speakerId]/split">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, p.id);
    return Response.json(
      await splitSpeaker(user, p.id, p.speakerId, (await readBody(request, speakerSplitSchema)).assignments),
    );
  },
);
