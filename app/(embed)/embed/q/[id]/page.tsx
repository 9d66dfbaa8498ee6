import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedQuote } from "@/components/embed/embed-quote";
import { parseId } from "@/lib/validations/route-params";
import { quoteTitle } from "@/lib/embed/oembed";
import { getPublicQuote } from "@/lib/publishing/public-queries";
import { absoluteUrl, getSiteName } from "@/lib/site";

// Cached like the quote page: rendered once, expired by tag when its transcript is corrected or unpublished.
export const dynamicParams = true;
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function loadQuote(params: PageProps<"/embed/q/[id]">["params"]) {
  const id = parseId((await params).id);
  const quote = id ? await getPublicQuote(id) : null;
  if (!quote) notFound();
  return quote;
}

export async function generateMetadata({ params }: PageProps<"/embed/q/[id]">): Promise<Metadata> {
  const quote = await loadQuote(params);
  return {
    title: quoteTitle(quote),
    alternates: { canonical: absoluteUrl(`/q/${quote.id}`) },
    robots: { index: false, follow: true },
  };
}

export default async function EmbedQuotePage({ params }: PageProps<"/embed/q/[id]">) {
  const quote = await loadQuote(params);
  return <EmbedQuote quote={quote} siteName={getSiteName()} />;
}
