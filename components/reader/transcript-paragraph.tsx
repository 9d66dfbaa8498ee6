import type { ReactNode } from "react";
import { formatTimecode } from "@/lib/format/timecode";
import { AnnotatedText } from "./annotated-text";
import { AnnotationAside } from "./annotation-aside";
import { ParagraphFrame } from "./paragraph-frame";
import type { ReaderParagraph } from "./reading-model";
import { TimestampButton } from "./timestamp-button";

/** One paragraph: speaker, time and links, the words with their marks, its corrections, then its notes. */
export function TranscriptParagraph({
  paragraph,
  label,
  permalink,
  hasMedia,
  bodies,
  corrections,
}: {
  paragraph: ReaderParagraph;
  /** The speaker's name, or what to call a paragraph without one ("Stage direction", "Unattributed"). */
  label: string;
  /** The address "Copy link" copies. */
  permalink: string;
  hasMedia: boolean;
  /** Each note's body, rendered on the server, by note id. */
  bodies: Record<string, ReactNode>;
  /** The paragraph's corrections, rendered on the server. */
  corrections: ReactNode;
}) {
  const { number } = paragraph;
  return (
    <ParagraphFrame number={number} segmentId={paragraph.id} speakerId={paragraph.speakerId}>
      <div className="reader-head">
        <span className="reader-speaker">{label}</span>
        {paragraph.startMs !== null ? (
          hasMedia ? (
            <TimestampButton startMs={paragraph.startMs} />
          ) : (
            <span className="reader-time">{formatTimecode(paragraph.startMs)}</span>
          )
        ) : null}
        <a href={`#p-${number}`} className="reader-permalink" aria-label={`Link to paragraph ${number}`}>
          ¶{number}
        </a>
        {/* One handler for every paragraph's button (components/reader/copy-links.tsx). */}
        <button
          type="button"
          className="reader-copy"
          data-copy={permalink}
          aria-label={`Copy link to paragraph ${number}`}
        >
          Copy link
        </button>
      </div>
      <p className="reader-text">
        <AnnotatedText text={paragraph.text} annotations={paragraph.notes} />
      </p>
      {corrections}
      {paragraph.notes.map((note) => (
        <AnnotationAside key={note.number} annotation={note} paragraphNumber={number} body={bodies[note.id]} />
      ))}
    </ParagraphFrame>
  );
}
