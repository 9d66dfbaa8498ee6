import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { unshare } from "@/lib/editor/shares";

/** DELETE /api/transcripts/:id/shares/:userId: stop sharing with a colleague. */
export const DELETE = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/shares/[userId]">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id, userId } = await params;
    return Response.json({ shares: await unshare(user, id, userId) });
  },
);
