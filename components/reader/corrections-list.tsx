import Link from "next/link";
import type { PublicCorrection } from "@/lib/publishing/types";
import { CorrectionText } from "./correction-notice";

/** Every correction, newest first, each linked to its paragraph (while it still exists). */
export function CorrectionsList({
  corrections,
  paragraphNumberOf,
  changesPath,
  paragraphHref = (number) => `#p-${number}`,
}: {
  corrections: PublicCorrection[];
  paragraphNumberOf: Map<string, number>;
  /** The "changes since publication" page, linked from the reading page. */
  changesPath?: string;
  /** Where a link to paragraph `number` goes: its anchor on the reading page; the part that holds it elsewhere. */
  paragraphHref?: (number: number) => string;
}) {
  const newestFirst = [...corrections].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section
      id="corrections"
      aria-labelledby="corrections-title"
      className="scroll-mt-24 border-t border-stone-300 pt-6"
    >
      <h2 id="corrections-title" className="font-serif text-2xl font-semibold">
        Corrections
      </h2>
      {newestFirst.length === 0 ? (
        <p className="mt-2 text-stone-700">This transcript has not been corrected since it was published.</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-3 text-sm">
          {newestFirst.map((correction) => {
            const number = paragraphNumberOf.get(correction.segmentId);
            return (
              <li
                key={correction.id}
                id={`correction-${correction.id}`}
                className="scroll-mt-24 [overflow-wrap:anywhere]"
              >
                {number ? (
                  <a
                    href={paragraphHref(number)}
                    className="mr-1 font-semibold text-accent underline underline-offset-2 hover:text-accent-strong"
                  >
                    Paragraph {number}.
                  </a>
                ) : (
                  <span className="mr-1 font-semibold">A paragraph since removed.</span>
                )}
                <CorrectionText correction={correction} />
              </li>
            );
          })}
        </ol>
      )}
      {changesPath ? (
        <p className="reader-controls mt-4 text-sm">
          <Link href={changesPath} className="text-accent underline underline-offset-2 hover:text-accent-strong">
            Every change since first publication
          </Link>
        </p>
      ) : null}
    </section>
  );
}
