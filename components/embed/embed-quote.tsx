import { PublicDate } from "@/components/reader/correction-notice";
import { formatTimecode } from "@/lib/format/timecode";
import { formatPublicDate, publicFidelityLabel, speakerDescription } from "@/lib/publishing/labels";
import { passageLink } from "@/lib/publishing/text-fragment";
import type { PublicQuote } from "@/lib/publishing/types";

const linkClasses = "text-accent underline underline-offset-2 hover:text-accent-strong";

/** One key quote for an <iframe>: the words, who said them where and when, any correction, and the way to both pages. */
export function EmbedQuote({ quote, siteName }: { quote: PublicQuote; siteName: string }) {
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
    <article
      className="flex h-full flex-col gap-3 overflow-y-auto rounded-lg border border-stone-300 bg-white p-3 text-ink sm:p-4"
      data-testid="embed-quote"
    >
      <h1 className="text-xs font-semibold uppercase tracking-wide text-accent">
        Key quote{speaker ? ` from ${speaker.name}` : ""} · {siteName}
      </h1>
      <figure className="flex flex-col gap-2">
        <blockquote
          cite={paragraphHref}
          className="border-l-4 border-accent pl-3 font-serif text-xl leading-snug [overflow-wrap:anywhere] sm:text-2xl"
        >
          <p>“{quote.text}”</p>
        </blockquote>
        <figcaption className="flex flex-col gap-0.5 text-sm [overflow-wrap:anywhere]">
          <span>
            <span className="font-semibold">{speaker?.name ?? "Unattributed speaker"}</span>
            {description ? `, ${description}` : null}
          </span>
          <cite className="not-italic">
            <a href={transcript.path} target="_blank" rel="noopener" className={linkClasses}>
              {transcript.title}
            </a>
          </cite>
          <span className="flex flex-wrap gap-x-3 text-stone-700">
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
          data-testid="embed-quote-correction"
        >
          Corrected <PublicDate iso={quote.changedByCorrection.at} />: this quote originally read{" "}
          <q>{quote.changedByCorrection.originalText}</q>. <span className="font-semibold">Reason:</span>{" "}
          {quote.changedByCorrection.reason}
        </p>
      ) : null}

      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {/* A full navigation in a new tab: browsers apply a text fragment only when loading a page. */}
        <a href={deepLink} target="_blank" rel="noopener" className={linkClasses}>
          Read it in context (paragraph {quote.paragraphNumber})
        </a>
        <a href={`/q/${quote.id}`} target="_blank" rel="noopener" className={linkClasses}>
          Quote page on {siteName}
        </a>
      </p>
    </article>
  );
}
