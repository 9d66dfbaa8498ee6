import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewerOlder } from "@/components/public/newer-older";
import { indexLetter, pagedHref, parsePageParam, speakerPath } from "@/lib/discovery/params";
import { getSpeakerIndex, type SpeakerSummary } from "@/lib/discovery/queries";
import { getSiteName } from "@/lib/site";
import { siteFeedAlternateTypes } from "@/lib/feeds/links";

// A long index is split into pages (?page=N), so the page is rendered per request; the list itself comes from a
// cache that publishing, corrections and unpublishing expire (lib/discovery/queries.ts).
export const revalidate = 300;

export async function generateMetadata({ searchParams }: PageProps<"/speakers">): Promise<Metadata> {
  const page = parsePageParam((await searchParams).page) ?? 1;
  return {
    title: page > 1 ? `Speakers, page ${page}` : "Speakers",
    description: `Everyone whose words ${getSiteName()} has published, A to Z, with the transcripts they speak in.`,
    alternates: { canonical: pagedHref("/speakers", page), types: siteFeedAlternateTypes(getSiteName()) },
  };
}

function byLetter(speakers: SpeakerSummary[]): [string, SpeakerSummary[]][] {
  const groups = new Map<string, SpeakerSummary[]>();
  for (const speaker of speakers) {
    const letter = indexLetter(speaker.name);
    groups.set(letter, [...(groups.get(letter) ?? []), speaker]);
  }
  return [...groups];
}

export default async function SpeakersPage({ searchParams }: PageProps<"/speakers">) {
  const page = parsePageParam((await searchParams).page);
  if (!page) notFound();
  const index = await getSpeakerIndex(page);
  if (page > index.pageCount) notFound();
  const groups = byLetter(index.items);
  return (
    <div className="flex flex-col gap-6">
      <header className="max-w-3xl">
        <h1 className="font-serif text-4xl font-bold tracking-tight">Speakers</h1>
        <p className="mt-3 text-stone-700">
          Everyone whose words we have published, with the transcripts they speak in and the quotes we picked out.
        </p>
      </header>
      {index.total === 0 ? (
        <p className="text-stone-700">Nothing has been published yet. Check back soon.</p>
      ) : (
        <>
          <nav aria-label="Speakers by letter">
            <ul className="flex flex-wrap gap-1">
              {index.letters.map(({ letter, page: letterPage }) => (
                <li key={letter}>
                  <Link
                    href={`${pagedHref("/speakers", letterPage)}#letter-${letter === "#" ? "other" : letter}`}
                    className="inline-flex h-9 min-w-9 items-center justify-center rounded-md border border-stone-300 bg-white px-2 font-semibold hover:border-accent hover:text-accent"
                  >
                    {letter}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {groups.map(([letter, speakers]) => {
            const id = `letter-${letter === "#" ? "other" : letter}`;
            return (
              <section key={letter} aria-labelledby={id}>
                <h2 id={id} className="scroll-mt-4 border-b border-stone-300 pb-1 font-serif text-2xl font-semibold">
                  {letter === "#" ? "Other" : letter}
                </h2>
                <ul className="mt-2 grid gap-x-6 gap-y-3 sm:grid-cols-2" data-testid="speaker-index">
                  {speakers.map((speaker) => (
                    <li key={speaker.slug} className="[overflow-wrap:anywhere]">
                      <Link
                        href={speakerPath(speaker.slug)}
                        className="font-semibold hover:text-accent hover:underline"
                      >
                        {speaker.name}
                      </Link>
                      {speaker.title || speaker.outlet ? (
                        <span className="text-stone-700">
                          , {[speaker.title, speaker.outlet].filter(Boolean).join(", ")}
                        </span>
                      ) : null}
                      <span className="block text-sm text-stone-700">
                        {speaker.transcriptCount} {speaker.transcriptCount === 1 ? "transcript" : "transcripts"}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          <NewerOlder
            page={index.page}
            pageCount={index.pageCount}
            hrefOf={(n) => pagedHref("/speakers", n)}
            label="Pages of speakers"
            previousLabel="← Previous"
            nextLabel="Next →"
            showPosition
          />
        </>
      )}
    </div>
  );
}
