import { jsonError } from "@/lib/api/response";
import { expireHere } from "@/lib/publishing/cache";
import { isInternalRequest } from "@/lib/publishing/internal-request";

/**
 * POST /api/internal/expire `{tags}`: another server of the cluster expired these public cache tags (a publication,
 * correction, unpublication or restore there); this server's listener (scripts/serve.ts) forwards them so its own
 * cached pages go too. Signed like the scheduler's call; anyone else gets the 404 an unknown path gets.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isInternalRequest(request)) return jsonError(404, "NOT_FOUND", "No such page.");
  const { tags } = (await request.json().catch(() => ({}))) as { tags?: unknown };
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === "string")) {
    return jsonError(400, "BAD_REQUEST", "Send the tags to expire as an array of strings.");
  }
  expireHere(tags);
  return Response.json({ expired: tags.length });
}
