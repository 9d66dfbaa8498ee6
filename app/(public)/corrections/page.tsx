import { getSiteName } from "@/lib/site";
import { siteFeedAlternateTypes } from "@/lib/feeds/links";
import type { Metadata } from "next";
import { CorrectionsLog } from "@/components/public/corrections-log";
import { getPublicCorrections } from "@/lib/publishing/public-queries";

// Rendered once and served from the cache; every correction expires it (lib/publishing/cache.ts).
export const dynamic = "force-static";
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;

export const metadata: Metadata = {
  title: "Corrections",
  description: "Every correction to a published transcript, newest first: what it said, what it says now, and why.",
  alternates: { canonical: "/corrections", types: siteFeedAlternateTypes(getSiteName()) },
};

export default async function CorrectionsPage() {
  const page = await getPublicCorrections(1);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="font-serif text-4xl font-bold tracking-tight">Corrections</h1>
        <p className="mt-3 text-stone-700">
          When we get a word wrong, we correct it in the transcript, show the change at the passage, and list it here.
        </p>
      </header>
      <CorrectionsLog page={page} />
    </div>
  );
}
