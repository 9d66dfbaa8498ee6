import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuoteList } from "@/components/public/quote-list";
import { ScopedSearchForm } from "@/components/public/scoped-search-form";
import { TranscriptList } from "@/components/public/transcript-list";
import { pagedHref, parseIndexSlug, parsePageParam, speakerPath } from "@/lib/discovery/params";
import { getSpeaker, getSpeakerQuotes, getSpeakerTranscripts } from "@/lib/discovery/queries";
import { getSiteName } from "@/lib/site";
import { feedAlternateTypes } from "@/lib/feeds/links";

// The transcripts are split into pages (?page=N), so the page is rendered per request; its reads come from a cache
// that publishing, corrections and unpublishing expire (lib/discovery/queries.ts).
export const revalidate = 300;

const QUOTE_COUNT = 10;

async function loadSpeaker(params: PageProps<"/speakers/[slug]">["params"]) {
  const slug = parseIndexSlug((await params).slug);
  const speaker = slug ? await getSpeaker(slug) : null;
  if (!speaker) notFound();
  return speaker;
}

function describe(speaker: { title: string | null; outlet: string | null }): string | null {
  return [speaker.title, speaker.outlet].filter(Boolean).join(", ") || null;
}

export async function generateMetadata({ params, searchParams }: PageProps<"/speakers/[slug]">): Promise<Metadata> {
  const speaker = await loadSpeaker(params);
  const page = parsePageParam((await searchParams).page) ?? 1;
  const role = describe(speaker);
  const path = speakerPath(speaker.slug);
  return {
    title: page > 1 ? `${speaker.name}, page ${page}` : speaker.name,
    description: `What ${speaker.name}${role ? `, ${role},` : ""} said: ${speaker.transcriptCount} published ${speaker.transcriptCount === 1 ? "transcript" : "transcripts"} and key quotes on ${getSiteName()}.`,
    alternates: {
      canonical: pagedHref(path, page),
      types: feedAlternateTypes([
        { scope: { kind: "site" }, title: getSiteName() },
        { scope: { kind: "speaker", slug: speaker.slug }, title: `${getSiteName()}: ${speaker.name}` },
      ]),
    },
  };
}

export default async function SpeakerPage({ params, searchParams }: PageProps<"/speakers/[slug]">) {
  const speaker = await loadSpeaker(params);
  const page = parsePageParam((await searchParams).page);
  if (!page) notFound();
  const [transcripts, quotes] = await Promise.all([
    getSpeakerTranscripts(speaker.slug, page),
    page === 1 ? getSpeakerQuotes(speaker.slug, QUOTE_COUNT) : Promise.resolve([]),
  ]);
  if (page > transcripts.pageCount) notFound();
  const role = describe(speaker);
  const path = speakerPath(speaker.slug);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex max-w-3xl flex-col gap-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-700">Speaker</p>
        <h1 className="font-serif text-4xl font-bold tracking-tight [overflow-wrap:anywhere]">{speaker.name}</h1>
        {role ? <p className="text-lg text-stone-700 [overflow-wrap:anywhere]">{role}</p> : null}
        <p className="text-sm text-stone-700">
          Speaks in {speaker.transcriptCount} published {speaker.transcriptCount === 1 ? "transcript" : "transcripts"}.
        </p>
        <ScopedSearchForm
          id="speaker-search"
          label={`Search what ${speaker.name} said`}
          scope={{ speaker: speaker.slug }}
        />
      </header>
      {quotes.length > 0 ? (
        <section aria-labelledby="quotes-title">
          <h2 id="quotes-title" className="border-b border-stone-300 pb-2 font-serif text-2xl font-semibold">
            Key quotes
          </h2>
          <QuoteList quotes={quotes} showSpeaker={false} />
        </section>
      ) : null}
      <section aria-labelledby="transcripts-title">
        <h2 id="transcripts-title" className="border-b border-stone-300 pb-2 font-serif text-2xl font-semibold">
          Transcripts
        </h2>
        <TranscriptList
          page={transcripts}
          hrefOf={(n) => pagedHref(path, n)}
          label={`More transcripts with ${speaker.name}`}
        />
      </section>
    </div>
  );
}
