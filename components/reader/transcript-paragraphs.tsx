"use client";

import type { ReactNode } from "react";
import { isStageDirection } from "@/lib/ingest/wrappers/stage-directions";
import type { ReaderParagraph } from "./reading-model";
import { TranscriptParagraph } from "./transcript-paragraph";

/**
 * The reading page's paragraphs and their notes, rendered from data. As a client component its React payload is the
 * data (the words, the notes' fields) rather than the whole element tree of every paragraph, which would be sent a
 * second time beside the HTML: this keeps a long transcript's page about half the weight (npm run bench:public).
 * The server still renders all of it into the HTML; what needs the server (Markdown bodies, corrections' word
 * diffs) arrives rendered, by note id and by paragraph number.
 */
export function TranscriptParagraphs({
  paragraphs,
  speakerNames,
  permalinkBase,
  hasMedia,
  bodies,
  corrections,
}: {
  paragraphs: ReaderParagraph[];
  /** Each speaker's name, by id: sent once rather than with every paragraph. */
  speakerNames: Record<string, string>;
  /** A paragraph's address to share is this followed by its number ("/t/slug#p-", "/t/slug/p/", "#p-"). */
  permalinkBase: string;
  hasMedia: boolean;
  bodies: Record<string, ReactNode>;
  corrections: Record<number, ReactNode>;
}) {
  return (
    <div className="reader-paragraphs flex flex-col">
      {paragraphs.map((paragraph) => (
        <TranscriptParagraph
          key={paragraph.number}
          paragraph={paragraph}
          label={
            (paragraph.speakerId ? speakerNames[paragraph.speakerId] : undefined) ??
            (isStageDirection(paragraph.text) ? "Stage direction" : "Unattributed")
          }
          permalink={`${permalinkBase}${paragraph.number}`}
          hasMedia={hasMedia}
          bodies={bodies}
          corrections={corrections[paragraph.number] ?? null}
        />
      ))}
    </div>
  );
}
