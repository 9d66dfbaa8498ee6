import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedTranscript } from "@/components/embed/embed-transcript";
import { parseSlug } from "@/lib/validations/route-params";
import { getPublicTranscript } from "@/lib/publishing/public-queries";
import { absoluteUrl, getSiteName } from "@/lib/site";

// Cached like the reading page: rendered once, expired by tag when the transcript is corrected or unpublished.
export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function loadTranscript(params: PageProps<"/embed/t/[slug]">["params"]) {
  const slug = parseSlug((await params).slug);
  const transcript = slug ? await getPublicTranscript(slug) : null;
  if (!transcript) notFound();
  return transcript;
}

export async function generateMetadata({ params }: PageProps<"/embed/t/[slug]">): Promise<Metadata> {
  const transcript = await loadTranscript(params);
  return {
    title: transcript.title,
    // The reading page is the one to index and cite; the embed is a copy of it for other sites.
    alternates: { canonical: absoluteUrl(transcript.path) },
    robots: { index: false, follow: true },
  };
}

export default async function EmbedTranscriptPage({ params }: PageProps<"/embed/t/[slug]">) {
  const transcript = await loadTranscript(params);
  return <EmbedTranscript transcript={transcript} siteName={getSiteName()} />;
}
