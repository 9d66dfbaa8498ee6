import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { readBody, replaceSchema } from "@/lib/editor/inputs";
import { applyReplace, previewReplace } from "@/lib/editor/replace";

/**
 * POST /api/transcripts/:id/replace: `apply: false` previews → `{matches, total, truncated}` (the first 2,000
 * matches listed, all counted); `apply: true` replaces (all, or those in `only`).
 */
export const POST = handleApiErrors(
  async (request: Request, { params }: RouteContext<"/api/transcripts/[id]/replace">) => {
    const user = await requireApiUser(request, { role: "REPORTER" });
    const { id } = await params;
    // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
    await requireTranscriptFor(user, id);
    const input = await readBody(request, replaceSchema);
    if (!input.apply) return Response.json(await previewReplace(user, id, input));
    return Response.json(await applyReplace(user, id, input));
  },
);
