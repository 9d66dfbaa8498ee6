import type { Metadata } from "next";
import Link from "next/link";
import { Snippet } from "@/components/search/snippet";
import { DateTime } from "@/components/ui/date-time";
import { requireUser } from "@/lib/auth/session";
import { STATUS_LABELS } from "@/lib/format/labels";
import { TranscriptStatus } from "@/lib/generated/prisma/enums";
import { hasRole } from "@/lib/permissions";
import { searchDesk } from "@/lib/search";
import { isEmptyQuery, parseQuery } from "@/lib/search/query";
import { quoteQuery } from "@/lib/search/quoted-query";

export const metadata: Metadata = { title: "Search the desk" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function isStatus(value: string): value is TranscriptStatus {
  return (Object.values(TranscriptStatus) as string[]).includes(value);
}

/** Staff search: the working copy of every transcript this person may open, drafts included (lib/search). */
export default async function DeskSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const q = first(params.q).slice(0, 500);
  const status = first(params.status);
  const pageNumber = Math.min(50, Math.max(1, Number.parseInt(first(params.page), 10) || 1));
  const query = parseQuery(q);
  const results = isEmptyQuery(query)
    ? null
    : await searchDesk(user, { query, status: isStatus(status) ? status : null, page: pageNumber });
  const quoted = quoteQuery(query);
  const pageHref = (page: number) => {
    const next = new URLSearchParams({
      q,
      ...(isStatus(status) ? { status } : {}),
      ...(page > 1 ? { page: String(page) } : {}),
    });
    return `/desk/search?${next.toString()}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-serif text-3xl font-bold">Search the desk</h1>
      <form role="search" method="get" action="/desk/search" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <label className="flex min-w-0 flex-1 flex-col text-sm font-medium text-stone-800">
          Words, or &ldquo;an exact phrase&rdquo;
          <input
            type="search"
            name="q"
            defaultValue={q}
            maxLength={200}
            autoComplete="off"
            className="mt-1 rounded border border-stone-400 bg-white px-3 py-2 text-base"
          />
        </label>
        <label className="flex flex-col text-sm font-medium text-stone-800">
          Status
          <select
            name="status"
            defaultValue={isStatus(status) ? status : ""}
            className="mt-1 rounded border border-stone-400 bg-white px-2 py-2 text-base"
          >
            <option value="">Any status</option>
            {Object.values(TranscriptStatus).map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-strong">
          Search
        </button>
      </form>
      <p className="text-sm text-stone-700">
        {hasRole(user, "EDITOR")
          ? "Searches the working copy of every transcript on the desk, drafts included."
          : "Searches the working copy of your transcripts and those shared with you, drafts included."}{" "}
        For what readers can find, use the{" "}
        <Link href="/search" className="text-accent underline">
          public search
        </Link>
        .
      </p>
      {results ? (
        <section aria-labelledby="desk-results-title" className="flex flex-col gap-2">
          <h2 id="desk-results-title" className="text-base font-semibold text-stone-800">
            {results.total === 0
              ? `No paragraph matches ${quoted}.`
              : `${results.totalIsCapped ? "More than " : ""}${results.total.toLocaleString("en-GB")} ${results.total === 1 ? "paragraph matches" : "paragraphs match"} ${quoted}.`}
          </h2>
          <ol
            className="flex flex-col divide-y divide-stone-200 rounded border border-stone-200 bg-white"
            data-testid="desk-search-results"
          >
            {results.hits.map((hit) => (
              <li key={hit.paragraph.segmentId} className="px-4 py-3">
                <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <Link href={hit.path} className="font-medium text-ink [overflow-wrap:anywhere] hover:text-accent">
                    {hit.transcript.title}
                  </Link>
                  <span className="rounded bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-800">
                    {STATUS_LABELS[hit.transcript.status]}
                  </span>
                  <span className="text-xs text-stone-600">
                    Updated <DateTime value={new Date(hit.transcript.updatedAt)} />
                  </span>
                </p>
                <p className="mt-1 text-stone-900 [overflow-wrap:anywhere]">
                  {hit.paragraph.speaker ? <span className="font-semibold">{hit.paragraph.speaker}: </span> : null}
                  <Snippet runs={hit.snippet} />
                </p>
              </li>
            ))}
          </ol>
          {results.pageCount > 1 ? (
            <nav aria-label="Result pages" className="flex justify-between text-sm">
              {results.page > 1 ? (
                <Link className="text-accent underline" href={pageHref(results.page - 1)}>
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              <span className="text-stone-700">
                Page {results.page} of {results.pageCount}
              </span>
              {results.page < results.pageCount ? (
                <Link className="text-accent underline" href={pageHref(results.page + 1)}>
                  Next →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
