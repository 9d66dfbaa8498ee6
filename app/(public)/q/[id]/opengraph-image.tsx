import { parseId } from "@/lib/validations/route-params";
import { SHARE_CARD_SIZE, shareCardImage } from "@/components/reader/share-card";
import { formatPublicDate, speakerDescription } from "@/lib/publishing/labels";
import { getPublicQuote } from "@/lib/publishing/public-queries";
import { getSiteName } from "@/lib/site";
import { notFoundImage } from "@/lib/http/not-found";

export const alt = "The quote, who said it, where and when";
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export const dynamicParams = true;
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const quote = id ? await getPublicQuote(id) : null;
  // Not notFound(): its 404 would be kept without the quote's cache tag, so it would outlive the publication that
  // makes the image exist. This answer carries the tag of the lookup above and goes when publishing expires it.
  if (!quote) return notFoundImage();
  const speaker = quote.speaker;
  const who = speaker ? [speaker.name, speakerDescription(speaker)].filter(Boolean).join(", ") : "Unattributed speaker";
  const when = [formatPublicDate(quote.transcript.occurredAt), quote.transcript.place].filter(Boolean).join(" · ");
  return shareCardImage({
    kicker: "Key quote",
    text: quote.text,
    isQuote: true,
    lines: [who, quote.transcript.title, when],
    siteName: getSiteName(),
  });
}
