import { feedResponse } from "@/lib/feeds/response";

// Answered per request from the tagged cache (lib/feeds/cached.ts), so conditional requests get a 304.
export const dynamic = "force-dynamic";

/** A speaker's RSS 2.0 feed: the latest published transcripts in which they speak. */
export async function GET(request: Request, { params }: RouteContext<"/speakers/[slug]/feed.xml">): Promise<Response> {
  const { slug } = await params;
  return feedResponse(request, { kind: "speaker", slug }, "rss");
}
