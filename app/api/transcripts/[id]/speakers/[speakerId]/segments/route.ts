import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { readListWindow } from "@/lib/editor/inputs";
import { MAX_LIST, SPEAKER_PARAGRAPHS_PAGE } from "@/lib/editor/paging";
import { listSpeakerParagraphs } from "@/lib/editor/speakers";

/** GET …/speakers/:speakerId/segments?from=&take=: the speaker's paragraphs across the whole transcript, paged. */
export const GET = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/speakers/[speakerId]/segments">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the query.
    await requireTranscriptFor(user, p.id);
    const window = readListWindow(new URL(request.url).searchParams, { take: SPEAKER_PARAGRAPHS_PAGE, max: MAX_LIST });
    return Response.json(await listSpeakerParagraphs(user, p.id, p.speakerId, window), {
      headers: { "cache-control": "private, no-store" },
    });
  },
);
