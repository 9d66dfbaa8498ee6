import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DateRangeForm } from "@/components/public/date-range-form";
import { TranscriptList } from "@/components/public/transcript-list";
import { archiveHref, formatDay, parseDateRange, parsePageParam, type DateRange } from "@/lib/discovery/params";
import { getArchive } from "@/lib/discovery/queries";
import { getSiteName } from "@/lib/site";
import { siteFeedAlternateTypes } from "@/lib/feeds/links";

// The page reads its query string, so it is rendered per request; the list itself comes from a cache that
// publishing, corrections and unpublishing expire (lib/discovery/queries.ts).
export const revalidate = 300;

type SearchParams = PageProps<"/transcripts">["searchParams"];

async function readQuery(searchParams: SearchParams) {
  const query = await searchParams;
  return { page: parsePageParam(query.page), dates: parseDateRange(query.from, query.to) };
}

/** "between 1 March 2020 and 5 March 2020", "from 1 March 2020", "up to 5 March 2020". */
function describeRange({ from, to }: DateRange): string {
  if (from && to) return from === to ? `on ${formatDay(from)}` : `between ${formatDay(from)} and ${formatDay(to)}`;
  if (from) return `from ${formatDay(from)} onwards`;
  if (to) return `up to ${formatDay(to)}`;
  return "";
}

export async function generateMetadata({ searchParams }: PageProps<"/transcripts">): Promise<Metadata> {
  const { page, dates } = await readQuery(searchParams);
  const range = describeRange(dates.range);
  const title = [`All transcripts${range ? ` ${range}` : ""}`, page && page > 1 ? `page ${page}` : null]
    .filter(Boolean)
    .join(", ");
  return {
    title,
    description: `Every transcript ${getSiteName()} has published, newest event first${range ? `: ${range}` : ""}.`,
    alternates: {
      canonical: archiveHref(page ?? 1, dates.range),
      types: siteFeedAlternateTypes(getSiteName()),
    },
  };
}

export default async function ArchivePage({ searchParams }: PageProps<"/transcripts">) {
  const { page, dates } = await readQuery(searchParams);
  if (!page) notFound();
  const list = await getArchive(page, dates.range);
  if (page > list.pageCount) notFound();
  const range = describeRange(dates.range);
  return (
    <div className="flex flex-col gap-6">
      <header className="max-w-3xl">
        <h1 className="font-serif text-4xl font-bold tracking-tight">All transcripts</h1>
        <p className="mt-3 text-stone-700">
          Every transcript we have published, newest event first. Narrow the list to the dates you need.
        </p>
      </header>
      <DateRangeForm range={dates.range} action="/transcripts" />
      {!dates.ok ? (
        <p role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950">
          {dates.message} Showing all transcripts instead.
        </p>
      ) : null}
      <section aria-labelledby="archive-results">
        <h2 id="archive-results" className="border-b border-stone-300 pb-2 font-serif text-2xl font-semibold">
          {list.total === 0
            ? "No transcripts"
            : `${list.total.toLocaleString("en-GB")} ${list.total === 1 ? "transcript" : "transcripts"}`}
          {range ? ` ${range}` : ""}
        </h2>
        <TranscriptList
          page={list}
          hrefOf={(n) => archiveHref(n, dates.range)}
          label="Pages of transcripts"
          emptyMessage={
            range ? "Try a wider range of dates, or clear them." : "Nothing has been published yet. Check back soon."
          }
        />
      </section>
    </div>
  );
}
