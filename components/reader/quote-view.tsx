import Link from "next/link";
import { MarkdownBody } from "@/components/editor/markdown-body";
import { formatTimecode } from "@/lib/format/timecode";
import { formatPublicDate, publicFidelityLabel, speakerDescription } from "@/lib/publishing/labels";
import { passageLink } from "@/lib/publishing/text-fragment";
import type { PublicQuote } from "@/lib/publishing/types";
import { CopyLinks } from "./copy-links";
import { PublicDate } from "./correction-notice";

/** A key quote on its own page: the words, who said them where and when, and a link to the passage. */
export function QuoteView({ quote }: { quote: PublicQuote }) {
  const { transcript, speaker } = quote;
  const paragraphHref = `${quote.paragraphPath}#p-${quote.paragraphNumber}`;
  const deepLink = passageLink({
    path: quote.paragraphPath,
    paragraphNumber: quote.paragraphNumber,
    quote: quote.text,
  });
  const description = speaker ? speakerDescription(speaker) : null;
  const eventDate = formatPublicDate(transcript.occurredAt);
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6" data-testid="quote-view">
      <h1 className="font-sans text-sm font-semibold uppercase tracking-wide text-accent">
        Key quote{speaker ? ` from ${speaker.name}` : ""}
      </h1>
      <figure className="flex flex-col gap-4">
        <blockquote
          cite={paragraphHref}
          className="border-l-4 border-accent pl-4 font-serif text-2xl leading-snug [overflow-wrap:anywhere] sm:pl-6 sm:text-3xl"
        >
          <p>“{quote.text}”</p>
        </blockquote>
        <figcaption className="flex flex-col gap-1 text-stone-800 [overflow-wrap:anywhere]">
          <span>
            <span className="font-semibold">{speaker?.name ?? "Unattributed speaker"}</span>
            {description ? `, ${description}` : null}
          </span>
          <span>
            <cite className="not-italic">
              <Link
                href={transcript.path}
                className="text-accent underline underline-offset-2 hover:text-accent-strong"
              >
                {transcript.title}
              </Link>
            </cite>
          </span>
          <span className="flex flex-wrap gap-x-3 text-sm text-stone-700">
            {eventDate && transcript.occurredAt ? <time dateTime={transcript.occurredAt}>{eventDate}</time> : null}
            {transcript.place ? <span>{transcript.place}</span> : null}
            {quote.startMs !== null ? <span>at {formatTimecode(quote.startMs)}</span> : null}
            <span>{publicFidelityLabel(transcript.fidelity, transcript.fidelityCheckedBy)}</span>
          </span>
        </figcaption>
      </figure>

      {quote.changedByCorrection ? (
        <p
          role="note"
          className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm [overflow-wrap:anywhere]"
        >
          This quote was changed by a correction on <PublicDate iso={quote.changedByCorrection.at} />: it originally
          read <q>{quote.changedByCorrection.originalText}</q>. <span className="font-semibold">Reason:</span>{" "}
          {quote.changedByCorrection.reason}
        </p>
      ) : null}

      {quote.body.trim() ? (
        <section aria-labelledby="quote-note-title" className="rounded-md border border-stone-300 bg-white p-4">
          <h2 id="quote-note-title" className="font-sans text-sm font-semibold">
            Our note
          </h2>
          <MarkdownBody text={quote.body} />
        </section>
      ) : null}

      <div className="flex flex-wrap items-center gap-4 font-sans text-sm">
        {/* A full navigation, not a client-side one: browsers apply a text fragment only when loading a page. */}
        <a href={deepLink} className="text-accent underline underline-offset-2 hover:text-accent-strong">
          Read it in context (paragraph {quote.paragraphNumber})
        </a>
        <button type="button" className="reader-copy" data-copy={deepLink} aria-label="Copy link to this passage">
          Copy link
        </button>
      </div>
      <CopyLinks />
    </article>
  );
}
