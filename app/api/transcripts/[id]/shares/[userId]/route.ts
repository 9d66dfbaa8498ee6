import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { unshare } from "@/lib/editor/shares";

/** DELETE /api/transcripts/:id/shares/:userId: stop sharing with a colleague. */
export const DELETE = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/shares/[userId]">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id, userId } = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, id);
    return Response.json({ shares: await unshare(user, id, userId) });
  },
);
