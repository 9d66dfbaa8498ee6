import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { presenceSchema, readBody } from "@/lib/editor/inputs";
import { heartbeat } from "@/lib/editor/presence";
import { loadLiveStatus } from "@/lib/live/feed";

/** POST /api/transcripts/:id/presence: the editor's heartbeat (who is here, what changed since, a live feed's status). */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/presence">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const p = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    const transcript = await requireTranscriptFor(user, p.id);
    const response = await heartbeat(user, p.id, await readBody(request, presenceSchema));
    // A live transcript's heartbeat also brings its caption feed's status, for the Live panel.
    const live = transcript.live ? await loadLiveStatus(p.id) : null;
    return Response.json(live ? { ...response, live } : response);
  },
);
