import Link from "next/link";
import { NewerOlder } from "@/components/public/newer-older";
import { FIDELITY_LABELS } from "@/lib/format/labels";
import type { Paged } from "@/lib/publishing/public-queries";
import type { PublicTranscriptListItem } from "@/lib/publishing/types";

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** Published transcripts, newest first, with links to older pages. */
export function TranscriptList({ page }: { page: Paged<PublicTranscriptListItem> }) {
  if (page.items.length === 0) {
    return <p className="mt-4 text-stone-700">Nothing has been published yet. Check back soon.</p>;
  }
  return (
    <>
      <ol className="mt-4 flex flex-col divide-y divide-stone-200" data-testid="transcript-list">
        {page.items.map((item) => (
          <li key={item.id} className="py-5">
            <article aria-labelledby={`item-${item.id}`}>
              <h3 id={`item-${item.id}`} className="font-serif text-xl font-semibold [overflow-wrap:anywhere]">
                <Link href={item.path} className="hover:text-accent hover:underline">
                  {item.title}
                </Link>
              </h3>
              <p className="mt-1 text-sm text-stone-700">
                {[item.occurredAt ? formatDate(item.occurredAt) : null, item.place, FIDELITY_LABELS[item.fidelity]]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {item.speakers.length > 0 ? (
                <p className="mt-1 text-sm text-stone-700 [overflow-wrap:anywhere]">
                  With {item.speakers.slice(0, 4).join(", ")}
                  {item.speakers.length > 4 ? ` and ${item.speakers.length - 4} more` : ""}
                </p>
              ) : null}
              {item.summary ? <p className="mt-2 text-stone-800">{item.summary}</p> : null}
              <p className="mt-1 text-xs text-stone-700">
                Published {formatDate(item.publishedAt)}
                {item.updatedAt ? `, updated ${formatDate(item.updatedAt)}` : ""} ·{" "}
                {item.wordCount.toLocaleString("en-GB")} words
              </p>
            </article>
          </li>
        ))}
      </ol>
      <NewerOlder
        page={page.page}
        pageCount={page.pageCount}
        hrefOf={(n) => (n === 1 ? "/" : `/latest/${n}`)}
        label="More transcripts"
        className="mt-6"
      />
    </>
  );
}
