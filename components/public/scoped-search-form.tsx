/**
 * A search box that searches only part of the site: one speaker's words or the transcripts of one topic. A plain
 * GET form to /search, so it works without JavaScript and its results have an address.
 */
export function ScopedSearchForm({
  label,
  scope,
  id,
}: {
  /** The visible label, e.g. "Search what Jens Stoltenberg said". */
  label: string;
  /** The hidden filters, e.g. { speaker: "jens-stoltenberg" }. */
  scope: Record<string, string>;
  /** Ties the label to its field; unique on the page. */
  id: string;
}) {
  return (
    <form action="/search" method="get" role="search" aria-label={label} className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        {Object.entries(scope).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input
          id={id}
          name="q"
          type="search"
          required
          maxLength={500}
          className="min-w-0 flex-1 basis-48 rounded-md border border-stone-400 bg-white px-3 py-2"
        />
        <button
          type="submit"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-strong"
        >
          Search
        </button>
      </div>
    </form>
  );
}
