import type { Metadata } from "next";
import { ActiveFilters, SearchResults } from "@/components/search/search-results";
import { SearchForm } from "@/components/search/search-form";
import { getPublicSearch, getSearchFacets } from "@/lib/search/cached";
import { parseSearchParams } from "@/lib/search/params";
import { isEmptyQuery, MAX_QUERY_LENGTH } from "@/lib/search/query";
import { quoteQuery } from "@/lib/search/quoted-query";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { request } = parseSearchParams(await searchParams);
  const quoted = quoteQuery(request.query);
  return {
    title: quoted ? `${quoted}: search` : "Search transcripts",
    description: "Search every published transcript: the exact words, who said them, and when.",
    // Result pages are endless variations of one page: crawlers should follow the transcripts instead.
    robots: { index: false, follow: true },
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/** Full-text search over published transcripts (lib/search). The results are cached per search and expire on publish. */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const { request, values, errors } = parseSearchParams(await searchParams);
  const hasFilters = Boolean(request.speaker || request.topic || request.outlet || request.from || request.to);
  const isSearching = !isEmptyQuery(request.query) || hasFilters;
  const [facets, results] = await Promise.all([
    getSearchFacets(),
    isSearching ? getPublicSearch(request) : Promise.resolve(null),
  ]);
  // “resolute support mission”, or with other words “‘sea of azov’ sanctions”.
  const quoted = quoteQuery(request.query);
  const problems = Object.values(errors);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight sm:text-4xl">Search transcripts</h1>
      <SearchForm values={values} facets={facets} />
      {problems.length > 0 ? (
        <div role="alert" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-stone-900">
          <ul className="list-inside list-disc">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {request.query.truncated ? (
        <p className="text-sm text-stone-700">
          Your search was long, so only its first words were used (up to {MAX_QUERY_LENGTH} characters and 12 words or
          phrases).
        </p>
      ) : null}
      {results ? (
        <section aria-labelledby="results-title" className="flex flex-col gap-3">
          <h2 id="results-title" aria-live="polite" className="text-base font-semibold text-stone-800">
            {results.total === 0
              ? `No published paragraph matches${quoted ? ` ${quoted}` : ""}.`
              : `${results.totalIsCapped ? "More than " : ""}${plural(results.total, "paragraph", "paragraphs")} ${
                  results.total === 1 && !results.totalIsCapped ? "matches" : "match"
                }${quoted ? ` ${quoted}, best first` : ", newest first"}.`}
          </h2>
          <ActiveFilters values={values} facets={facets} />
          {results.total === 0 ? (
            <p className="text-stone-700">
              Try fewer or different words, remove a filter, or search for a phrase without quotes.
            </p>
          ) : (
            <SearchResults results={results} values={values} />
          )}
        </section>
      ) : (
        <p className="text-stone-700">
          Search the words of every transcript we have published: find who said something, and when. Choose a speaker to
          see what they said about a subject.
        </p>
      )}
    </div>
  );
}
