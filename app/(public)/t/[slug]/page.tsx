import { siteFeedAlternateTypes } from "@/lib/feeds/links";
import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { DownloadMenu } from "@/components/reader/download-menu";
import { JsonLd } from "@/components/reader/json-ld";
import { parseSlug } from "@/lib/validations/route-params";
import { TranscriptReader } from "@/components/reader/transcript-reader";
import { oembedUrl } from "@/lib/embed/oembed";
import { TranscriptTopics } from "@/components/reader/transcript-topics";
import { getPublicByline, getPublicTranscript } from "@/lib/publishing/public-queries";
import { Byline } from "@/components/reader/byline";
import { buildTranscriptStructuredData } from "@/lib/publishing/structured-data";
import { absoluteUrl, getSiteName, getSiteUrl } from "@/lib/site";
import { redirectIfMoved } from "@/lib/publishing/moved";
import { getLiveTranscript, type LiveTranscriptView } from "@/lib/live/public";
import { LiveTranscript } from "@/components/reader/live-transcript";

// Rendered on a reader's first visit, then served from the cache until publishing or a correction expires it.
export const dynamicParams = true;
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

// Once per request for the metadata and the page: a hearing's snapshot is megabytes to read from the cache.
const getTranscript = cache(getPublicTranscript);

const getLive = cache(getLiveTranscript);

/** The published transcript at this address, or the live one readers follow there now. */
async function loadPage(params: PageProps<"/t/[slug]">["params"]) {
  const slug = parseSlug((await params).slug);
  const transcript = slug ? await getTranscript(slug) : null;
  if (transcript) return { transcript, live: null };
  const live = slug ? await getLive(slug) : null;
  if (live) return { transcript: null, live };
  if (slug) await redirectIfMoved(slug);
  notFound();
}

function liveMetadata(live: LiveTranscriptView): Metadata {
  const url = absoluteUrl(live.path);
  const description = live.summary ?? "Live transcript, updated as the event runs.";
  return {
    metadataBase: new URL(getSiteUrl()),
    title: `Live: ${live.title}`,
    description,
    alternates: { canonical: url },
    openGraph: { type: "article", url, title: live.title, description, siteName: getSiteName() },
  };
}

export async function generateMetadata({ params }: PageProps<"/t/[slug]">): Promise<Metadata> {
  const { transcript, live } = await loadPage(params);
  if (!transcript) return liveMetadata(live);
  const description =
    transcript.summary ??
    `Full transcript${transcript.speakers.length > 0 ? ` with ${transcript.speakers.map((speaker) => speaker.name).join(", ")}` : ""}.`;
  const url = absoluteUrl(transcript.path);
  return {
    metadataBase: new URL(getSiteUrl()),
    title: transcript.title,
    description,
    alternates: {
      canonical: url,
      types: {
        ...siteFeedAlternateTypes(getSiteName()),
        "application/json+oembed": [{ url: oembedUrl(getSiteUrl(), url), title: transcript.title }],
      },
    },
    openGraph: {
      type: "article",
      url,
      title: transcript.title,
      description,
      siteName: getSiteName(),
      publishedTime: transcript.publishedAt,
      modifiedTime: transcript.updatedAt ?? transcript.publishedAt,
      tags: transcript.tags,
    },
    twitter: { card: "summary_large_image", title: transcript.title, description },
  };
}

export default async function TranscriptPage({ params }: PageProps<"/t/[slug]">) {
  const { transcript, live } = await loadPage(params);
  if (!transcript) return <LiveTranscript view={live} />;
  const byline = await getPublicByline(transcript);
  return (
    <>
      <JsonLd data={buildTranscriptStructuredData(transcript, { name: getSiteName(), url: getSiteUrl() }, byline)} />
      <DownloadMenu transcript={transcript} />
      <TranscriptReader
        transcript={transcript}
        byline={<Byline byline={byline} siteName={getSiteName()} hasAnnotations={transcript.annotations.length > 0} />}
      />
      <TranscriptTopics transcript={transcript} />
    </>
  );
}
