// GET /t/:slug/p/:n: paragraph n's stable address. A long transcript is read in parts (lib/publishing/parts.ts)
// and where parts end can move when a correction changes the words, so this answers 307 with the part that holds
// paragraph n now, at its anchor: /t/:slug#p-n on a one-page transcript, /t/:slug/part/:k#p-n on a long one.
// Read through the cached, tagged getPublicTranscript: not published (or no such paragraph) is a 404.
import { parseSlug } from "@/lib/validations/route-params";
import { paragraphHref } from "@/lib/publishing/parts";
import { getPublicTranscript } from "@/lib/publishing/public-queries";
import { getMovedSlug, movedPermanently } from "@/lib/publishing/moved";

function notFound(message: string): Response {
  return new Response(`${message}\n`, {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export async function GET(_request: Request, { params }: RouteContext<"/t/[slug]/p/[n]">) {
  const { slug: rawSlug, n } = await params;
  const slug = parseSlug(rawSlug);
  const transcript = slug ? await getPublicTranscript(slug) : null;
  if (!transcript) {
    const current = slug ? await getMovedSlug(slug) : null;
    if (current) return movedPermanently(`/t/${current}/p/${n}`);
    return notFound("No published transcript at this address.");
  }
  const number = /^[1-9]\d{0,6}$/.test(n) ? Number(n) : NaN;
  if (!(number <= transcript.segments.length)) {
    return notFound(`This transcript has ${transcript.segments.length} paragraphs; there is no paragraph ${n}.`);
  }
  return new Response(null, {
    status: 307,
    headers: {
      location: paragraphHref(transcript.path, transcript.partStarts, transcript.segments.length, number),
      // Where parts end may change with the next correction: browsers ask again; an edge keeps it as long as the
      // page, and forgets it with the page's tags.
      "cache-control": "public, max-age=0, s-maxage=300",
    },
  });
}
