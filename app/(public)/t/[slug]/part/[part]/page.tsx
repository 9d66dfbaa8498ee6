import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { TranscriptReader } from "@/components/reader/transcript-reader";
import { getPublicTranscript } from "@/lib/publishing/public-queries";
import { partPath } from "@/lib/publishing/parts";
import { parseSlug } from "@/lib/validations/route-params";
import { absoluteUrl, getSiteName, getSiteUrl } from "@/lib/site";
import { redirectIfMoved } from "@/lib/publishing/moved";

// A later part of a long transcript (lib/publishing/parts.ts): cached like the first part, /t/[slug], and expired
// with it by the same tags.
export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

// Once per request for the metadata and the page: a hearing's snapshot is megabytes to read from the cache.
const getTranscript = cache(getPublicTranscript);

async function load(params: PageProps<"/t/[slug]/part/[part]">["params"]) {
  const { slug: rawSlug, part: rawPart } = await params;
  const slug = parseSlug(rawSlug);
  const transcript = slug ? await getTranscript(slug) : null;
  // The first part is the reading page itself, /t/[slug]: parts here are 2 and up.
  const part = /^[1-9]\d{0,4}$/.test(rawPart) ? Number(rawPart) : NaN;
  if (!transcript && slug) await redirectIfMoved(slug, `/part/${rawPart}`);
  if (!transcript || !(part >= 2 && part <= transcript.partStarts.length)) notFound();
  return { transcript, part };
}

export async function generateMetadata({ params }: PageProps<"/t/[slug]/part/[part]">): Promise<Metadata> {
  const { transcript, part } = await load(params);
  const title = `${transcript.title} (part ${part} of ${transcript.partStarts.length})`;
  const url = absoluteUrl(partPath(transcript.path, part));
  return {
    metadataBase: new URL(getSiteUrl()),
    title,
    description: transcript.summary ?? `Part ${part} of the full transcript.`,
    alternates: { canonical: url },
    openGraph: { type: "article", url, title, siteName: getSiteName() },
  };
}

export default async function TranscriptPartPage({ params }: PageProps<"/t/[slug]/part/[part]">) {
  const { transcript, part } = await load(params);
  return <TranscriptReader transcript={transcript} part={part} />;
}
