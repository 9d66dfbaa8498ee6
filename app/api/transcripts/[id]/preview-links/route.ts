import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { readBodyText } from "@/lib/editor/inputs";
import { createPreviewLink, listPreviewLinks, parseCreatePreviewLinkBody } from "@/lib/preview-links/preview-links";
import { requireTranscriptFor } from "@/lib/transcripts/access";

type Context = RouteContext<"/api/transcripts/[id]/preview-links">;

/** GET /api/transcripts/:id/preview-links: every link made for it (never a token: only its hash is kept). */
export const GET = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  return Response.json({ links: await listPreviewLinks(user, id) });
});

/**
 * POST /api/transcripts/:id/preview-links `{expiresInHours?}` (1–720, 72 by default): a link to the working copy for
 * someone outside the staff. 201 `{link: {id, url, expiresAt}}`, the only time the url is shown.
 */
export const POST = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // Who may edit it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id, { edit: true });
  // The body is optional (none at all means the default expiry) and small: counted as it streams, cut off at 4 KB.
  const body = await readBodyText(request, {
    limit: 4096,
    tooLarge: 'Send a small JSON body like {"expiresInHours": 72}, or none.',
  });
  const input = parseCreatePreviewLinkBody(body);
  return Response.json({ link: await createPreviewLink(user, id, input) }, { status: 201 });
});
