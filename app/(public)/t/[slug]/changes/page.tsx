import { siteFeedAlternateTypes } from "@/lib/feeds/links";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChangesView } from "@/components/reader/changes-view";
import { parseSlug } from "@/lib/validations/route-params";
import { getPublicChanges } from "@/lib/publishing/public-queries";
import { absoluteUrl, getSiteName, getSiteUrl } from "@/lib/site";
import { redirectIfMoved } from "@/lib/publishing/moved";

export const dynamicParams = true;
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function loadChanges(params: PageProps<"/t/[slug]/changes">["params"]) {
  const slug = parseSlug((await params).slug);
  const changes = slug ? await getPublicChanges(slug) : null;
  if (!changes) {
    if (slug) await redirectIfMoved(slug, "/changes");
    notFound();
  }
  return changes;
}

export async function generateMetadata({ params }: PageProps<"/t/[slug]/changes">): Promise<Metadata> {
  const { transcript } = await loadChanges(params);
  const title = `Changes since publication: ${transcript.title}`;
  const description = `Every word changed in “${transcript.title}” since it was first published, and why.`;
  return {
    metadataBase: new URL(getSiteUrl()),
    title,
    description,
    alternates: {
      canonical: absoluteUrl(`${transcript.path}/changes`),
      types: siteFeedAlternateTypes(getSiteName()),
    },
    openGraph: { type: "article", title, description, url: absoluteUrl(`${transcript.path}/changes`) },
    twitter: { card: "summary", title, description },
  };
}

export default async function ChangesPage({ params }: PageProps<"/t/[slug]/changes">) {
  const { transcript, first } = await loadChanges(params);
  return <ChangesView transcript={transcript} first={first} />;
}
