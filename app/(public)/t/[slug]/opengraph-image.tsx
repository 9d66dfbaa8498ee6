import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { parseSlug } from "@/lib/validations/route-params";
import { SHARE_CARD_SIZE, ShareCard } from "@/components/reader/share-card";
import { formatPublicDate, publicFidelityLabel } from "@/lib/publishing/labels";
import { getPublicTranscript } from "@/lib/publishing/public-queries";
import { getSiteName } from "@/lib/site";

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
  if (!transcript) notFound();
  const speakers = transcript.speakers.map((speaker) => speaker.name).join(", ");
  const when = [formatPublicDate(transcript.occurredAt), transcript.place].filter(Boolean).join(" · ");
  return new ImageResponse(
    <ShareCard
      kicker={publicFidelityLabel(transcript.fidelity, transcript.fidelityCheckedBy)}
      text={transcript.title}
      isQuote={false}
      lines={[speakers, when]}
      siteName={getSiteName()}
    />,
    SHARE_CARD_SIZE,
  );
}
