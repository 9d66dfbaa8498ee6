import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { AppError } from "@/lib/errors";
import { restoreRevision } from "@/lib/editor/history";

/** POST /api/transcripts/:id/revisions/:number/restore: a new revision that puts revision :number back. */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/revisions/[number]/restore">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id, number } = await params;
    await requireTranscriptFor(user, id);
    const wanted = Number(number);
    if (!Number.isInteger(wanted)) throw new AppError("NOT_FOUND", "No such revision.");
    return Response.json(await restoreRevision(user, id, wanted));
  },
);
