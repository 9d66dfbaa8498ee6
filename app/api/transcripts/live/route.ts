import { z } from "zod";
import { handleApiErrors } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { readBody } from "@/lib/editor/inputs";
import { startLiveTranscript } from "@/lib/live/feed";

const liveTranscriptSchema = z.object({
  title: z.string().trim().min(1, "Required.").max(300),
  occurredAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "A date as YYYY-MM-DD.")
    .nullish(),
  place: z.string().trim().max(200).nullish(),
  speakers: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
});

/**
 * POST /api/transcripts/live `{title, occurredAt?, place?, speakers?}` → 201 `{id, slug}`: a draft owned by the
 * caller that accepts captions at POST /api/transcripts/:id/live/cues while the event runs.
 */
export const POST = handleApiErrors(async (request: Request) => {
  const user = await requireApiUser(request, { role: "REPORTER" });
  const input = await readBody(request, liveTranscriptSchema);
  return Response.json(await startLiveTranscript(user, input), { status: 201 });
});
