import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { revokePreviewLink } from "@/lib/preview-links/preview-links";

/** DELETE /api/transcripts/:id/preview-links/:linkId: the link stops working (its url answers 404). 204. */
export const DELETE = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/preview-links/[linkId]">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id, linkId } = await params;
    await revokePreviewLink(user, id, linkId);
    return new Response(null, { status: 204 });
  },
);
