import { feedResponse } from "@/lib/feeds/response";

// Answered per request from the tagged cache (lib/feeds/cached.ts), so conditional requests get a 304.
export const dynamic = "force-dynamic";

/** An author's Atom feed: the latest published transcripts they worked on. */
export async function GET(request: Request, { params }: RouteContext<"/authors/[slug]/atom.xml">): Promise<Response> {
  const { slug } = await params;
  return feedResponse(request, { kind: "author", slug }, "atom");
}
