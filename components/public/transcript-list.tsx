import Link from "next/link";
import { NewerOlder } from "@/components/public/newer-older";
import { archiveHref, formatDay } from "@/lib/discovery/params";
import { FIDELITY_LABELS } from "@/lib/format/labels";
import type { Paged } from "@/lib/publishing/public-queries";
import type { PublicTranscriptListItem } from "@/lib/publishing/types";

/** Published transcripts as a list of titles with their event, speakers and summary. */
export function TranscriptItems({
  items,
  headingLevel = 3,
}: {
  items: PublicTranscriptListItem[];
  /** The items' heading level under the page's own headings. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="mt-4 flex flex-col divide-y divide-stone-200" data-testid="transcript-list">
      {items.map((item) => (
        <li key={item.id} className="py-5">
          <article aria-labelledby={`item-${item.id}`}>
            <Heading id={`item-${item.id}`} className="font-serif text-xl font-semibold [overflow-wrap:anywhere]">
              <Link href={item.path} className="hover:text-accent hover:underline">
                {item.title}
              </Link>
            </Heading>
            <p className="mt-1 text-sm text-stone-700">
              {[item.occurredAt ? formatDay(item.occurredAt) : null, item.place, FIDELITY_LABELS[item.fidelity]]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {item.speakers.length > 0 ? (
              <p className="mt-1 text-sm text-stone-700 [overflow-wrap:anywhere]">
                With {item.speakers.slice(0, 4).join(", ")}
                {item.speakers.length > 4 ? ` and ${item.speakers.length - 4} more` : ""}
              </p>
            ) : null}
            {item.summary ? <p className="mt-2 text-stone-800 [overflow-wrap:anywhere]">{item.summary}</p> : null}
            <p className="mt-1 text-xs text-stone-700">
              Published {formatDay(item.publishedAt)}
              {item.updatedAt ? `, updated ${formatDay(item.updatedAt)}` : ""} ·{" "}
              {item.wordCount.toLocaleString("en-GB")} words
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}

/** One page of a newest-first list of published transcripts, with links to its other pages. */
export function TranscriptList({
  page,
  hrefOf = (n) => archiveHref(n, { from: null, to: null }),
  label = "More transcripts",
  emptyMessage = "Nothing has been published yet. Check back soon.",
  headingLevel = 3,
}: {
  page: Paged<PublicTranscriptListItem>;
  /** The address of page `n` of this list. */
  hrefOf?: (n: number) => string;
  /** Names the page links' navigation landmark. */
  label?: string;
  emptyMessage?: string;
  headingLevel?: 2 | 3;
}) {
  if (page.items.length === 0) return <p className="mt-4 text-stone-700">{emptyMessage}</p>;
  return (
    <>
      <TranscriptItems items={page.items} headingLevel={headingLevel} />
      <NewerOlder
        page={page.page}
        pageCount={page.pageCount}
        hrefOf={hrefOf}
        label={label}
        className="mt-6"
        showPosition
      />
    </>
  );
}
