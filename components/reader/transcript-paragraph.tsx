import { formatTimecode } from "@/lib/format/timecode";
import { isStageDirection } from "@/lib/ingest/wrappers/stage-directions";
import { AnnotatedText } from "./annotated-text";
import { AnnotationAside } from "./annotation-aside";
import { CopyLinkButton } from "./copy-link-button";
import { CorrectionNotice } from "./correction-notice";
import { ParagraphFrame } from "./paragraph-frame";
import type { ReadingParagraph } from "./reading-model";
import { TimestampButton } from "./timestamp-button";

/** One paragraph: speaker, time and links, the words with their marks, its corrections, then its notes. */
export function TranscriptParagraph({
  paragraph,
  permalink,
  hasMedia,
}: {
  paragraph: ReadingParagraph;
  /** The paragraph's address to share: its anchor on a one-page transcript, its stable /p/<n> on a long one. */
  permalink: string;
  hasMedia: boolean;
}) {
  const { segment, number, speaker } = paragraph;
  return (
    <ParagraphFrame number={number} segmentId={segment.id} speakerId={segment.speakerId}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 font-sans text-sm">
        <span className="font-semibold text-ink [overflow-wrap:anywhere]">
          {speaker?.name ?? (isStageDirection(segment.text) ? "Stage direction" : "Unattributed")}
        </span>
        {segment.startMs !== null ? (
          hasMedia ? (
            <TimestampButton startMs={segment.startMs} />
          ) : (
            <span className="font-mono text-xs text-stone-700">{formatTimecode(segment.startMs)}</span>
          )
        ) : null}
        <a
          href={`#p-${number}`}
          className="reader-permalink text-xs text-stone-700 underline underline-offset-2 hover:text-accent"
        >
          <span className="sr-only">Link to paragraph </span>¶{number}
        </a>
        <CopyLinkButton href={permalink} accessibleSuffix={` to paragraph ${number}`} />
      </div>
      <p className="reader-text mt-1 font-serif text-lg leading-relaxed [overflow-wrap:anywhere]">
        <AnnotatedText text={segment.text} annotations={paragraph.annotations} />
      </p>
      {paragraph.corrections.map((correction) => (
        <CorrectionNotice key={correction.id} correction={correction} />
      ))}
      {paragraph.annotations.map((annotation) => (
        <AnnotationAside key={annotation.id} annotation={annotation} />
      ))}
    </ParagraphFrame>
  );
}
