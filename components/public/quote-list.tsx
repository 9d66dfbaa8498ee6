import Link from "next/link";
import { speakerPath } from "@/lib/discovery/params";
import type { QuoteListItem } from "@/lib/discovery/queries";

/** Key quotes as pull quotes: the words (opening the quote's own page), who said them, and the transcript. */
export function QuoteList({ quotes, showSpeaker = true }: { quotes: QuoteListItem[]; showSpeaker?: boolean }) {
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2" data-testid="quote-list">
      {quotes.map((quote) => (
        <li key={quote.id} className="flex flex-col gap-2 rounded-md border border-stone-300 bg-white p-4">
          <blockquote className="font-serif text-lg leading-snug [overflow-wrap:anywhere]">
            <Link href={`/q/${quote.id}`} className="hover:text-accent hover:underline">
              “{quote.text}”
            </Link>
          </blockquote>
          <p className="text-sm text-stone-700 [overflow-wrap:anywhere]">
            {showSpeaker && quote.speakerName ? (
              <>
                {quote.speakerSlug ? (
                  <Link href={speakerPath(quote.speakerSlug)} className="font-semibold text-ink hover:underline">
                    {quote.speakerName}
                  </Link>
                ) : (
                  <span className="font-semibold text-ink">{quote.speakerName}</span>
                )}
                {", in "}
              </>
            ) : (
              "In "
            )}
            <Link href={`${quote.transcript.path}#p-${quote.paragraphNumber}`} className="underline underline-offset-2">
              {quote.transcript.title}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
