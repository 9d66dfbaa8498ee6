import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { AppError } from "@/lib/errors";
import { compareRevisions, listRevisions } from "@/lib/editor/history";

/** GET /api/transcripts/:id/revisions: the history; with ?from=&to= the comparison of two revisions. */
export const GET = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/revisions">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id } = await params;
    await requireTranscriptFor(user, id);
    const query = new URL(request.url).searchParams;
    if (!query.has("from") && !query.has("to")) return Response.json({ revisions: await listRevisions(user, id) });
    const from = Number(query.get("from"));
    const to = Number(query.get("to"));
    if (!Number.isInteger(from) || !Number.isInteger(to)) {
      throw new AppError("BAD_REQUEST", "Compare two revisions by number: ?from=3&to=7.");
    }
    return Response.json({ comparison: await compareRevisions(user, id, from, to) });
  },
);
