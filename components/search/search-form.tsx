import type { SearchParamName } from "@/lib/search/params";
import type { FacetOption, SearchFacets } from "@/lib/search/types";

type Values = Partial<Record<SearchParamName, string>>;

const fieldClass =
  "mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5 text-base text-stone-900 focus:border-accent";

function FacetSelect({
  name,
  label,
  anyLabel,
  options,
  value,
}: {
  name: SearchParamName;
  label: string;
  anyLabel: string;
  options: FacetOption[];
  value: string | undefined;
}) {
  // A value from a link (a speaker page's search box) that is not among the options still shows as chosen.
  const choices =
    value && !options.some((option) => option.value === value)
      ? [{ value, label: value, count: 0 }, ...options]
      : options;
  return (
    <label className="block text-sm font-medium text-stone-800">
      {label}
      <select name={name} defaultValue={value ?? ""} className={fieldClass}>
        <option value="">{anyLabel}</option>
        {choices.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
            {option.count ? ` (${option.count.toLocaleString("en-GB")})` : ""}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search box and its filters: a plain GET form, so every search is a link that can be shared. */
export function SearchForm({
  values,
  facets,
  action = "/search",
}: {
  values: Values;
  facets: SearchFacets;
  action?: string;
}) {
  const hasFilters = Boolean(values.speaker || values.topic || values.outlet || values.from || values.to);
  return (
    <form role="search" action={action} method="get" className="flex flex-col gap-3">
      <label htmlFor="search-q" className="text-sm font-medium text-stone-800">
        Words, or &ldquo;an exact phrase&rdquo;
      </label>
      <div className="flex gap-2">
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={values.q ?? ""}
          maxLength={200}
          autoComplete="off"
          className="min-w-0 flex-1 rounded border border-stone-400 bg-white px-3 py-2 text-lg text-stone-900 focus:border-accent"
          aria-describedby="search-tips"
        />
        <button
          type="submit"
          className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-strong focus-visible:outline-offset-2"
        >
          Search
        </button>
      </div>
      <p id="search-tips" className="text-sm text-stone-700">
        Put words in quotes to find them together (&ldquo;sea of azov&rdquo;); end a word with * to match its beginning
        (sanction*).
      </p>
      <details open={hasFilters} className="rounded border border-stone-300 bg-stone-50 px-3 py-2">
        <summary className="cursor-pointer text-sm font-semibold text-stone-800">Filters</summary>
        <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <FacetSelect
            name="speaker"
            label="Speaker"
            anyLabel="Any speaker"
            options={facets.speakers}
            value={values.speaker}
          />
          <FacetSelect
            name="topic"
            label="Topic, person, place or organisation"
            anyLabel="Any topic"
            options={facets.topics}
            value={values.topic}
          />
          <FacetSelect
            name="outlet"
            label="Questioner's outlet"
            anyLabel="Any outlet"
            options={facets.outlets}
            value={values.outlet}
          />
          <label className="block text-sm font-medium text-stone-800">
            From
            <input type="date" name="from" defaultValue={values.from ?? ""} className={fieldClass} />
          </label>
          <label className="block text-sm font-medium text-stone-800">
            To
            <input type="date" name="to" defaultValue={values.to ?? ""} className={fieldClass} />
          </label>
        </div>
      </details>
    </form>
  );
}
