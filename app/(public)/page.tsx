import type { Metadata } from "next";
import Link from "next/link";
import { QuoteList } from "@/components/public/quote-list";
import { SpeakerStrip } from "@/components/public/speaker-strip";
import { TranscriptItems } from "@/components/public/transcript-list";
import { getFrequentSpeakers, getLatestTranscripts, getRecentQuotes } from "@/lib/discovery/queries";
import { getSiteName } from "@/lib/site";
import { siteFeedAlternateTypes } from "@/lib/feeds/links";

// Rendered once and served from the cache; publishing, corrections and unpublishing expire it (lib/publishing/cache.ts).
export const dynamic = "force-static";
// Shared caches (a CDN) keep it at most this long: the server's own copy is expired by tag the moment it changes.
export const revalidate = 300;

const LATEST_COUNT = 10;
const QUOTE_COUNT = 6;
const SPEAKER_COUNT = 12;

export function generateMetadata(): Metadata {
  const siteName = getSiteName();
  return {
    title: { absolute: `${siteName}: full transcripts, attributed and checked` },
    description:
      "Full transcripts of press conferences, speeches, interviews and hearings, attributed speaker by speaker, with context, fact-checks and corrections.",
    alternates: {
      canonical: "/",
      types: siteFeedAlternateTypes(siteName),
    },
  };
}

export default async function HomePage() {
  const [latest, quotes, speakers] = await Promise.all([
    getLatestTranscripts(LATEST_COUNT),
    getRecentQuotes(QUOTE_COUNT),
    getFrequentSpeakers(SPEAKER_COUNT),
  ]);
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
        {latest.length > 0 ? (
          <>
            <TranscriptItems items={latest} />
            <p className="mt-4 text-sm">
              <Link href="/transcripts" className="font-semibold text-accent underline underline-offset-2">
                All transcripts →
              </Link>
            </p>
          </>
        ) : (
          <p className="mt-4 text-stone-700">Nothing has been published yet. Check back soon.</p>
        )}
      </section>
      {quotes.length > 0 ? (
        <section aria-labelledby="quoted-title">
          <h2 id="quoted-title" className="border-b border-stone-300 pb-2 font-serif text-2xl font-semibold">
            Most quoted
          </h2>
          <p className="mt-2 text-sm text-stone-700">
            The key quotes our editors marked in the latest transcripts. Open one to cite, share or embed it.
          </p>
          <QuoteList quotes={quotes} />
        </section>
      ) : null}
      {speakers.length > 0 ? (
        <section aria-labelledby="speakers-title">
          <h2 id="speakers-title" className="border-b border-stone-300 pb-2 font-serif text-2xl font-semibold">
            Speakers
          </h2>
          <SpeakerStrip speakers={speakers} />
          <p className="mt-4 text-sm">
            <Link href="/speakers" className="font-semibold text-accent underline underline-offset-2">
              All speakers →
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
