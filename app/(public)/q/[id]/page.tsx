import { siteFeedAlternateTypes } from "@/lib/feeds/links";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuoteView } from "@/components/reader/quote-view";
import { parseId } from "@/lib/validations/route-params";
import { truncateAtWord } from "@/lib/format/text";
import { oembedUrl } from "@/lib/embed/oembed";
import { getPublicQuote } from "@/lib/publishing/public-queries";
import { absoluteUrl, getSiteName, getSiteUrl } from "@/lib/site";

export const dynamicParams = true;
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function loadQuote(params: PageProps<"/q/[id]">["params"]) {
  const id = parseId((await params).id);
  const quote = id ? await getPublicQuote(id) : null;
  if (!quote) notFound();
  return quote;
}

export async function generateMetadata({ params }: PageProps<"/q/[id]">): Promise<Metadata> {
  const quote = await loadQuote(params);
  const who = quote.speaker?.name ?? "Unattributed speaker";
  const title = `${who}: “${truncateAtWord(quote.text, 80)}”`;
  const description = `“${truncateAtWord(quote.text, 200)}” — ${who}, ${quote.transcript.title}`;
  const url = absoluteUrl(`/q/${quote.id}`);
  return {
    metadataBase: new URL(getSiteUrl()),
    title,
    description,
    alternates: {
      canonical: url,
      types: {
        ...siteFeedAlternateTypes(getSiteName()),
        "application/json+oembed": [{ url: oembedUrl(getSiteUrl(), url), title }],
      },
    },
    openGraph: {
      type: "article",
      url,
      title,
      description,
      siteName: getSiteName(),
      publishedTime: quote.transcript.publishedAt,
    },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function QuotePage({ params }: PageProps<"/q/[id]">) {
  const quote = await loadQuote(params);
  return <QuoteView quote={quote} />;
}
