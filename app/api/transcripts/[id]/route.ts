import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { AppError } from "@/lib/errors";
import { metadataSchema, readBody } from "@/lib/editor/inputs";
import { updateMetadata } from "@/lib/editor/metadata";
import { FIRST_PAGE, MAX_PAGE, getTranscriptPage } from "@/lib/editor/queries";

type Context = RouteContext<"/api/transcripts/[id]">;

function pageParameter(value: string | null, fallback: number, max: number, name: string): number {
  if (value === null || value === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) {
    throw new AppError("BAD_REQUEST", `${name} must be a whole number from 0 to ${max}.`, { [name]: "Out of range." });
  }
  return number;
}

/** GET /api/transcripts/:id?from=&take=: the transcript, its speakers and a page of its paragraphs. */
export const GET = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  const query = new URL(request.url).searchParams;
  const from = pageParameter(query.get("from"), 0, Number.MAX_SAFE_INTEGER, "from");
  const take = Math.max(1, pageParameter(query.get("take"), FIRST_PAGE, MAX_PAGE, "take"));
  return Response.json(await getTranscriptPage(user, id, from, take), {
    headers: { "cache-control": "private, no-store" },
  });
});

/** PATCH /api/transcripts/:id: title, slug, summary, date, place, links, fidelity, tags (with baseVersion). */
export const PATCH = handleApiErrors(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const { id } = await params;
  // Who may see it first: a stranger gets the 404 a missing transcript gets, whatever the body.
  await requireTranscriptFor(user, id);
  const input = await readBody(request, metadataSchema);
  return Response.json(await updateMetadata(user, id, input));
});
