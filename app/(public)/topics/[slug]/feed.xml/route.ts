import { feedResponse } from "@/lib/feeds/response";

// Answered per request from the tagged cache (lib/feeds/cached.ts), so conditional requests get a 304.
export const dynamic = "force-dynamic";

/** A topic's RSS 2.0 feed: the latest published transcripts about it. */
export async function GET(request: Request, { params }: RouteContext<"/topics/[slug]/feed.xml">): Promise<Response> {
  const { slug } = await params;
  return feedResponse(request, { kind: "topic", slug }, "rss");
}
