import { parseSlug } from "@/lib/validations/route-params";
import { SHARE_CARD_SIZE, shareCardImage } from "@/components/reader/share-card";
import { formatPublicDate, publicFidelityLabel } from "@/lib/publishing/labels";
import { getPublicTranscript } from "@/lib/publishing/public-queries";
import { getSiteName } from "@/lib/site";
import { notFoundImage } from "@/lib/http/not-found";

export const alt = "The transcript's title, speakers and date";
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export const dynamicParams = true;
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const slug = parseSlug((await params).slug);
  const transcript = slug ? await getPublicTranscript(slug) : null;
  // Not notFound(): its 404 would be kept without the transcript's cache tag, so it would outlive the publication that
  // makes the image exist. This answer carries the tag of the lookup above and goes when publishing expires it.
  if (!transcript) return notFoundImage();
  const speakers = transcript.speakers.map((speaker) => speaker.name).join(", ");
  const when = [formatPublicDate(transcript.occurredAt), transcript.place].filter(Boolean).join(" · ");
  return shareCardImage({
    kicker: publicFidelityLabel(transcript.fidelity, transcript.fidelityCheckedBy),
    text: transcript.title,
    isQuote: false,
    lines: [speakers, when],
    siteName: getSiteName(),
  });
}
