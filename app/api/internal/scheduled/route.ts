import { jsonError } from "@/lib/api/response";
import { expireHere, expirePublicCache } from "@/lib/publishing/cache";
import { PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import { isInternalRequest } from "@/lib/publishing/internal-request";
import { publishDueTranscripts } from "@/lib/publishing/workflow";

/**
 * POST /api/internal/scheduled `{purge?}`: the server's scheduler (scripts/serve.ts) publishes every transcript
 * whose time has come; with `purge`, first forgets every cached public page of this server (sent once at start,
 * since the database may have changed while it was stopped: `npm run seed:demo`; a restore purges everywhere itself).
 * Only this server's: a cluster's servers restart one by one, and each start must not empty the others and the edge.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request)) return jsonError(404, "NOT_FOUND", "No such page.");
  const { purge } = (await request.json().catch(() => ({}))) as { purge?: unknown };
  if (purge === true) expireHere([PUBLIC_TAG]);
  const { published, staleTags } = await publishDueTranscripts();
  expirePublicCache(staleTags);
  return Response.json({ published });
}
