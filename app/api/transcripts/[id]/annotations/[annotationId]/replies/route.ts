import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { replySchema, readBody } from "@/lib/editor/inputs";
import { replyToNote } from "@/lib/editor/annotations";

/** POST …/annotations/:annotationId/replies: a reply to an internal note. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/annotations/[annotationId]/replies">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, p.id);
    return Response.json(await replyToNote(user, p.id, p.annotationId, (await readBody(request, replySchema)).body), {
      status: 201,
    });
  },
);
