import { feedResponse } from "@/lib/feeds/response";

// Answered per request from the tagged cache (lib/feeds/cached.ts), so conditional requests get a 304.
export const dynamic = "force-dynamic";

/** An author's RSS 2.0 feed: the latest published transcripts they worked on. */
export async function GET(request: Request, { params }: RouteContext<"/authors/[slug]/feed.xml">): Promise<Response> {
  const { slug } = await params;
  return feedResponse(request, { kind: "author", slug }, "rss");
}
