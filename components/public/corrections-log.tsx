import Link from "next/link";
import { NewerOlder } from "@/components/public/newer-older";
import { CorrectionSide } from "@/components/reader/correction-notice";
import type { Paged } from "@/lib/publishing/public-queries";
import type { PublicCorrectionListItem } from "@/lib/publishing/types";

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

function pageHref(page: number): string {
  return page === 1 ? "/corrections" : `/corrections/page/${page}`;
}

/** Corrections across every published transcript, newest first, with links to older pages. */
export function CorrectionsLog({ page }: { page: Paged<PublicCorrectionListItem> }) {
  if (page.items.length === 0) return <p className="text-stone-700">No corrections so far.</p>;
  return (
    <>
      <ol className="flex flex-col divide-y divide-stone-200" data-testid="corrections-page-list">
        {page.items.map((correction) => (
          <li key={correction.id} className="py-4">
            <article aria-label={`Correction to ${correction.transcript.title}`}>
              <h2 className="font-serif text-lg font-semibold [overflow-wrap:anywhere]">
                <Link href={`${correction.transcript.path}#correction-${correction.id}`} className="hover:underline">
                  {correction.transcript.title}
                </Link>
              </h2>
              <p className="text-sm text-stone-700">
                <time dateTime={correction.at}>{formatDate(correction.at)}</time>
              </p>
              <p className="mt-2 [overflow-wrap:anywhere]">
                <span className="font-medium">It said:</span> <CorrectionSide correction={correction} side="before" />
              </p>
              <p className="mt-1 [overflow-wrap:anywhere]">
                <span className="font-medium">It now says:</span>{" "}
                <CorrectionSide correction={correction} side="after" />
              </p>
              <p className="mt-1 text-stone-800">
                <span className="font-medium">Why:</span> {correction.reason}
              </p>
            </article>
          </li>
        ))}
      </ol>
      <NewerOlder page={page.page} pageCount={page.pageCount} hrefOf={pageHref} label="More corrections" />
    </>
  );
}
