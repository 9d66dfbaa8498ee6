import { feedResponse } from "@/lib/feeds/response";

// Answered per request from the tagged cache (lib/feeds/cached.ts), so conditional requests get a 304.
export const dynamic = "force-dynamic";

/** The site's RSS 2.0 feed: the latest published transcripts. */
export function GET(request: Request): Promise<Response> {
  return feedResponse(request, { kind: "site" }, "rss");
}
