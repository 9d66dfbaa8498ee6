import Link from "next/link";
import { PublicDate } from "@/components/reader/correction-notice";
import { Snippet } from "@/components/search/snippet";
import { searchHref, type SearchParamName } from "@/lib/search/params";
import type { PublicSearchHit, SearchFacets, SearchPage } from "@/lib/search/types";

type Values = Partial<Record<SearchParamName, string>>;

function labelOf(options: { value: string; label: string }[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/** The filters in force, each with a link that removes it. */
export function ActiveFilters({ values, facets }: { values: Values; facets: SearchFacets }) {
  const active: { name: SearchParamName; text: string }[] = [];
  if (values.speaker) active.push({ name: "speaker", text: `Said by ${labelOf(facets.speakers, values.speaker)}` });
  if (values.topic) active.push({ name: "topic", text: `About ${labelOf(facets.topics, values.topic)}` });
  if (values.outlet) active.push({ name: "outlet", text: `Asked by ${values.outlet}` });
  if (values.from) active.push({ name: "from", text: `From ${values.from}` });
  if (values.to) active.push({ name: "to", text: `To ${values.to}` });
  if (active.length === 0) return null;
  return (
    <ul aria-label="Filters in force" className="flex flex-wrap gap-2">
      {active.map((filter) => (
        <li key={filter.name}>
          <Link
            href={searchHref("/search", values, { [filter.name]: undefined, page: undefined })}
            className="inline-flex items-center gap-1 rounded-full border border-stone-400 bg-white px-3 py-1 text-sm text-stone-800 hover:border-accent [overflow-wrap:anywhere]"
          >
            {filter.text}
            <span aria-hidden="true">×</span>
            <span className="sr-only">(remove this filter)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** One matching paragraph; its transcript's title only when the previous hit was in another transcript. */
function SearchHit({ hit, showTranscript }: { hit: PublicSearchHit; showTranscript: boolean }) {
  const { transcript, paragraph } = hit;
  return (
    <article aria-labelledby={`hit-${transcript.id}-${paragraph.number}`}>
      <h3
        id={`hit-${transcript.id}-${paragraph.number}`}
        className={showTranscript ? "font-serif text-lg font-semibold [overflow-wrap:anywhere]" : "sr-only"}
      >
        <Link href={`/t/${transcript.slug}`} className="hover:text-accent hover:underline">
          {transcript.title}
        </Link>
      </h3>
      {showTranscript ? (
        <p className="mt-0.5 text-sm text-stone-700">
          {transcript.occurredAt ? <PublicDate iso={transcript.occurredAt} /> : null}
          {transcript.occurredAt && transcript.place ? " · " : null}
          {transcript.place}
        </p>
      ) : null}
      <p className="mt-2 text-stone-900 [overflow-wrap:anywhere]">
        {paragraph.speaker ? (
          <span className="font-semibold">
            {paragraph.speakerSlug ? (
              <Link href={`/speakers/${paragraph.speakerSlug}`} className="hover:text-accent hover:underline">
                {paragraph.speaker}
              </Link>
            ) : (
              paragraph.speaker
            )}
            {paragraph.outlet ? <span className="font-normal text-stone-700"> ({paragraph.outlet})</span> : null}:{" "}
          </span>
        ) : null}
        <Snippet runs={hit.snippet} />
      </p>
      <p className="mt-1 text-sm">
        <Link href={hit.path} className="text-accent underline underline-offset-2">
          Read paragraph {paragraph.number} in the transcript
        </Link>
      </p>
    </article>
  );
}

export function SearchResults({ results, values }: { results: SearchPage<PublicSearchHit>; values: Values }) {
  return (
    <>
      <ol className="flex flex-col" data-testid="search-results">
        {results.hits.map((hit, index) => {
          const showTranscript = results.hits[index - 1]?.transcript.id !== hit.transcript.id;
          return (
            <li
              key={hit.path}
              className={showTranscript ? `py-4 ${index > 0 ? "border-t border-stone-200" : ""}` : "pb-4"}
            >
              <SearchHit hit={hit} showTranscript={showTranscript} />
            </li>
          );
        })}
      </ol>
      {results.pageCount > 1 ? (
        <nav aria-label="Result pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
          {results.page > 1 ? (
            <Link
              className="text-accent underline"
              href={searchHref("/search", values, { page: String(results.page - 1) })}
            >
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-stone-700">
            Page {results.page} of {results.pageCount}
          </span>
          {results.page < results.pageCount ? (
            <Link
              className="text-accent underline"
              href={searchHref("/search", values, { page: String(results.page + 1) })}
            >
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
