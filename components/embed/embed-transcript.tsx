import { AnnotatedText } from "@/components/reader/annotated-text";
import { CorrectionNotice, PublicDate } from "@/components/reader/correction-notice";
import { buildReadingModel } from "@/components/reader/reading-model";
import { isStageDirection } from "@/lib/ingest/wrappers/stage-directions";
import { formatPublicDate, publicFidelityLabel } from "@/lib/publishing/labels";
import { partPath, partRange } from "@/lib/publishing/parts";
import type { PublicTranscript } from "@/lib/publishing/types";
import { EmbedNote } from "./embed-note";

const linkClasses = "text-accent underline underline-offset-2 hover:text-accent-strong";

/** A BCP 47 tag we can put in `lang`; the snapshot holds ISO 639-1 codes, but never trust a stored string. */
function languageTag(language: string | null): string | undefined {
  return language && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(language) ? language : undefined;
}

/**
 * A whole transcript for an <iframe>: what it is (title, date, place, fidelity), the words with their speakers,
 * corrections and public notes in a scrolling area, and the way to the full page.
 */
export function EmbedTranscript({ transcript, siteName }: { transcript: PublicTranscript; siteName: string }) {
  const model = buildReadingModel(transcript);
  // A long transcript (lib/publishing/parts.ts) is embedded as its first part, with the way on to the rest.
  const { to: shown } = partRange(transcript.partStarts, model.paragraphs.length, 1);
  const paragraphs = model.paragraphs.slice(0, shown);
  const eventDate = formatPublicDate(transcript.occurredAt);
  const lang = languageTag(transcript.language);
  const correctionCount = transcript.corrections.length;
  return (
    <article
      className="flex h-full flex-col overflow-hidden rounded-lg border border-stone-300 bg-white text-ink"
      data-testid="embed-transcript"
    >
      <header className="flex flex-col gap-1 border-b border-stone-200 px-3 py-2.5 sm:px-4">
        <p className="text-xs font-semibold uppercase tracking-wide text-accent">Transcript · {siteName}</p>
        <h1 className="font-serif text-lg font-bold leading-snug [overflow-wrap:anywhere] sm:text-xl">
          <a href={transcript.path} target="_blank" rel="noopener" className="hover:underline">
            {transcript.title}
          </a>
        </h1>
        <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-sm text-stone-700">
          {eventDate && transcript.occurredAt ? <time dateTime={transcript.occurredAt}>{eventDate}</time> : null}
          {transcript.place ? <span>{transcript.place}</span> : null}
          <span>{publicFidelityLabel(transcript.fidelity, transcript.fidelityCheckedBy)}</span>
        </p>
        {correctionCount > 0 ? (
          <p className="text-sm" data-testid="embed-corrections">
            <a href={`${transcript.path}#corrections`} target="_blank" rel="noopener" className={linkClasses}>
              {correctionCount === 1 ? "Corrected once" : `Corrected ${correctionCount} times`}
            </a>
            {transcript.updatedAt ? (
              <span className="text-stone-700">
                , last on <PublicDate iso={transcript.updatedAt} />
              </span>
            ) : null}
          </p>
        ) : null}
      </header>

      {/* Focusable, so the words can be scrolled with the keyboard. */}
      <div
        role="region"
        aria-label="Transcript text"
        tabIndex={0}
        className="min-h-0 flex-1 overflow-y-auto px-3 py-2 sm:px-4"
      >
        {paragraphs.map((paragraph, index) => {
          const { segment, number, speaker } = paragraph;
          const previous = paragraphs[index - 1];
          // A speaker's name once per turn, as a transcript is read aloud.
          const isNewTurn = !previous || previous.segment.speakerId !== segment.speakerId;
          return (
            <div key={segment.id} id={`p-${number}`} className="py-1.5">
              {isNewTurn ? (
                <p className="font-sans text-sm font-semibold [overflow-wrap:anywhere]">
                  {speaker?.name ?? (isStageDirection(segment.text) ? "Stage direction" : "Unattributed")}
                </p>
              ) : null}
              <p lang={lang} className="font-serif text-base leading-relaxed [overflow-wrap:anywhere]">
                <AnnotatedText text={segment.text} annotations={paragraph.annotations} />
              </p>
              {paragraph.corrections.map((correction) => (
                <CorrectionNotice key={correction.id} correction={correction} />
              ))}
              {paragraph.annotations.map((annotation) => (
                <EmbedNote key={annotation.id} annotation={annotation} />
              ))}
            </div>
          );
        })}
        {shown < model.paragraphs.length ? (
          <p className="py-3 text-sm" data-testid="embed-continues">
            This transcript is long: shown here are paragraphs 1 to {shown} of {model.paragraphs.length}.{" "}
            <a href={partPath(transcript.path, 2)} target="_blank" rel="noopener" className={linkClasses}>
              Continue with paragraph {shown + 1}
            </a>
          </p>
        ) : null}
      </div>

      <footer className="border-t border-stone-200 px-3 py-2 text-sm sm:px-4">
        <a href={transcript.path} target="_blank" rel="noopener" className={`font-medium ${linkClasses}`}>
          Read the full transcript on {siteName}
        </a>
      </footer>
    </article>
  );
}
