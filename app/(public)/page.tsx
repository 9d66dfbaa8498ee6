import Link from "next/link";
import { TranscriptList } from "@/components/public/transcript-list";
import { getPublicTranscripts } from "@/lib/publishing/public-queries";
import { getSiteName } from "@/lib/site";

// Rendered once and served from the cache; publishing, corrections and unpublishing expire it (lib/publishing/cache.ts).
export const dynamic = "force-static";
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;

export default async function HomePage() {
  const page = await getPublicTranscripts(1);
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="home-title" className="max-w-3xl">
        <h1 id="home-title" className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">
          The exact words, who said them, and what we know about them.
        </h1>
        <p className="mt-4 text-lg text-stone-700">
          {getSiteName()} publishes full transcripts of press conferences, speeches, interviews and hearings, attributed
          speaker by speaker, with context, fact-checks and corrections shown in the text.{" "}
          <Link href="/corrections" className="text-accent underline underline-offset-2">
            Our corrections
          </Link>
          .
        </p>
      </section>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title" className="border-b border-stone-300 pb-2 font-serif text-2xl font-semibold">
          Latest transcripts
        </h2>
        <TranscriptList page={page} />
      </section>
    </div>
  );
}
