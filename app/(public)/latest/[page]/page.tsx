import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { TranscriptList } from "@/components/public/transcript-list";
import { getPublicTranscripts } from "@/lib/publishing/public-queries";

// Older pages of the home page's list: rendered on first visit, then cached like it.
export const dynamicParams = true;
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

function pageNumber(value: string): number | null {
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null;
}

export async function generateMetadata({ params }: PageProps<"/latest/[page]">): Promise<Metadata> {
  return { title: `Latest transcripts, page ${(await params).page}` };
}

export default async function LatestPage({ params }: PageProps<"/latest/[page]">) {
  const number = pageNumber((await params).page);
  if (!number) notFound();
  if (number === 1) redirect("/");
  const page = await getPublicTranscripts(number);
  if (page.items.length === 0) notFound();
  return (
    <section aria-labelledby="latest-title">
      <h1 id="latest-title" className="border-b border-stone-300 pb-2 font-serif text-3xl font-semibold">
        Latest transcripts, page {number}
      </h1>
      <TranscriptList page={page} />
    </section>
  );
}
