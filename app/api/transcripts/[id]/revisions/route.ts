import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { AppError } from "@/lib/errors";
import { compareRevisions, listRevisions } from "@/lib/editor/history";
import { readPageNumber } from "@/lib/editor/inputs";

/**
 * GET /api/transcripts/:id/revisions?page=: the history, newest first, a page at a time; with ?from=&to= the
 * comparison of two revisions, its changed paragraphs a page at a time (?page= again).
 */
export const GET = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/revisions">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id } = await params;
    await requireTranscriptFor(user, id);
    const query = new URL(request.url).searchParams;
    const page = readPageNumber(query.get("page"));
    if (!query.has("from") && !query.has("to")) return Response.json(await listRevisions(user, id, { page }));
    const from = Number(query.get("from"));
    const to = Number(query.get("to"));
    if (!Number.isInteger(from) || !Number.isInteger(to)) {
      throw new AppError("BAD_REQUEST", "Compare two revisions by number: ?from=3&to=7.");
    }
    return Response.json({ comparison: await compareRevisions(user, id, from, to, { paragraphPage: page }) });
  },
);
