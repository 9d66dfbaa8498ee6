import Link from "next/link";
import type { ReactNode } from "react";
import { partOfParagraph, partPath, partRange, stableParagraphBase } from "@/lib/publishing/parts";
import { nameSlug } from "@/lib/publishing/public-index";
import type { PublicTranscript } from "@/lib/publishing/types";
import { MarkdownBody } from "@/components/editor/markdown-body";
import { CopyLinks } from "./copy-links";
import { CorrectionNotice } from "./correction-notice";
import { CorrectionsList } from "./corrections-list";
import { MissingParagraphRedirect } from "./missing-paragraph-redirect";
import { ReaderMediaPlayer } from "./reader-media-player";
import { ReaderShortcuts } from "./reader-shortcuts";
import { ReaderProvider } from "./reader-store";
import { buildReadingModel, readerParagraph, type ReadingParagraph } from "./reading-model";
import { SpeakerFilter } from "./speaker-filter";
import { TranscriptHeader } from "./transcript-header";
import { TranscriptParagraphs } from "./transcript-paragraphs";

/** The first and last paragraph numbers of each part. */
function partBounds(transcript: PublicTranscript) {
  return transcript.partStarts.map((_, index) => {
    const { from, to } = partRange(transcript.partStarts, transcript.segments.length, index + 1);
    return { part: index + 1, first: from + 1, last: to };
  });
}

/** Links to every part of a long transcript, the current one marked. */
function PartNavigation({
  transcript,
  part,
  linkTo,
  label,
}: {
  transcript: PublicTranscript;
  part: number;
  linkTo: (part: number) => string;
  label: string;
}) {
  const bounds = partBounds(transcript);
  return (
    <nav aria-label={label} className="reader-controls text-sm" data-testid="part-navigation">
      <p className="text-stone-700">
        This transcript is long: it is in {bounds.length} parts. You are reading part {part}.
      </p>
      <ol className="mt-2 flex flex-wrap gap-2">
        {bounds.map(({ part: number, first, last }) => (
          <li key={number}>
            {number === part ? (
              <span aria-current="page" className="inline-block rounded border border-ink px-2 py-1 font-semibold">
                Part {number}{" "}
                <span className="font-normal text-stone-700">
                  (¶{first}–{last})
                </span>
              </span>
            ) : (
              <Link
                href={linkTo(number)}
                className="inline-block rounded border border-stone-300 px-2 py-1 text-accent underline underline-offset-2 hover:text-accent-strong"
              >
                Part {number}{" "}
                <span className="text-stone-700">
                  (¶{first}–{last})
                </span>
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The public reading page's content, from a published transcript: rendered on the server, cached, interactive leaves
 * only. A long transcript is read in parts (lib/publishing/parts.ts): `part` says which; the first part has the
 * header and the corrections, every part its own paragraphs with their notes and links to the others.
 * `linkToPart` gives a part's address (the public pages' by default; the staff preview has its own).
 */
export function TranscriptReader({
  transcript,
  part = 1,
  linkToPart = (number: number) => partPath(transcript.path, number),
  followMissingParagraphs = true,
  byline,
  isPreview = false,
}: {
  transcript: PublicTranscript;
  /** Who transcribed, annotated and published it (components/reader/byline.tsx), under the title. */
  byline?: ReactNode;
  part?: number;
  linkToPart?: (part: number) => string;
  /** Sends a `#p-<n>` another part holds to /t/<slug>/p/<n>: public pages only (the preview has no such address). */
  followMissingParagraphs?: boolean;
  /**
   * A working copy shown before publication (the staff preview, a preview link): no "Published" date, no links to
   * public addresses that may not exist yet, paragraph links to this page.
   */
  isPreview?: boolean;
}) {
  const model = buildReadingModel(transcript);
  const hasMedia = Boolean(transcript.mediaUrl);
  const partCount = transcript.partStarts.length;
  const isLong = partCount > 1;
  const { from, to } = partRange(transcript.partStarts, model.paragraphs.length, part);
  const paragraphs: ReadingParagraph[] = model.paragraphs.slice(from, to);
  const speakerCounts = model.speakerCounts
    .map(({ speaker }) => ({
      speaker,
      paragraphs: paragraphs.filter((paragraph) => paragraph.speaker?.id === speaker.id).length,
    }))
    .filter((count) => count.paragraphs > 0);
  const hrefOf = (number: number) => {
    const holder = partOfParagraph(transcript.partStarts, model.paragraphs.length, number) ?? 1;
    return holder === part ? `#p-${number}` : `${linkToPart(holder)}#p-${number}`;
  };
  const navigation = (label: string) =>
    isLong ? <PartNavigation transcript={transcript} part={part} linkTo={linkToPart} label={label} /> : null;
  return (
    <ReaderProvider>
      <article className="flex flex-col gap-8" data-testid="transcript-reader" data-part={part}>
        {part === 1 ? (
          <TranscriptHeader transcript={transcript} byline={byline} isPreview={isPreview} />
        ) : (
          <header className="flex flex-col gap-2">
            <p className="font-serif text-3xl font-bold tracking-tight [overflow-wrap:anywhere] sm:text-4xl">
              <Link href={linkToPart(1)} className="hover:text-accent">
                {transcript.title}
              </Link>
            </p>
            <h1 className="text-lg text-stone-700">
              Part {part} of {partCount}: paragraphs {from + 1} to {to}
            </h1>
          </header>
        )}
        {isLong && followMissingParagraphs ? <MissingParagraphRedirect path={transcript.path} /> : null}
        <section aria-labelledby="transcript-title" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-stone-300 pb-2">
            <h2 id="transcript-title" className="font-serif text-2xl font-semibold">
              {isLong ? `Transcript, part ${part} of ${partCount}` : "Transcript"}
            </h2>
            {transcript.corrections.length > 0 ? (
              <a
                href={part === 1 ? "#corrections" : `${linkToPart(1)}#corrections`}
                className="text-sm text-accent underline underline-offset-2 hover:text-accent-strong"
              >
                {transcript.corrections.length === 1 ? "1 correction" : `${transcript.corrections.length} corrections`}
              </a>
            ) : null}
          </div>
          {navigation("Parts of this transcript")}
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start sm:justify-between">
            {speakerCounts.length > 1 ? (
              <SpeakerFilter
                total={paragraphs.length}
                speakers={speakerCounts.map(({ speaker, paragraphs }) => ({
                  id: speaker.id,
                  name: speaker.name,
                  paragraphs,
                  slug: nameSlug(speaker.name) || speaker.id,
                }))}
              />
            ) : null}
            <ReaderShortcuts hasNotes={paragraphs.some((paragraph) => paragraph.annotations.length > 0)} />
          </div>
          {transcript.mediaUrl ? (
            <ReaderMediaPlayer
              src={transcript.mediaUrl}
              paragraphs={paragraphs.map(({ segment }) => ({ segmentId: segment.id, startMs: segment.startMs }))}
            />
          ) : null}
          <CopyLinks />
          <TranscriptParagraphs
            paragraphs={paragraphs.map(readerParagraph)}
            speakerNames={Object.fromEntries(speakerCounts.map(({ speaker }) => [speaker.id, speaker.name]))}
            /* The list holds this part's paragraphs only: in a preview their links are anchors on this page. */
            permalinkBase={isPreview ? "#p-" : isLong ? stableParagraphBase(transcript.path) : `${transcript.path}#p-`}
            hasMedia={hasMedia}
            bodies={Object.fromEntries(
              paragraphs.flatMap((paragraph) =>
                paragraph.annotations
                  .filter((annotation) => annotation.body.trim())
                  .map((annotation) => [
                    annotation.id,
                    <MarkdownBody key={annotation.id} text={annotation.body} className="reader-note-body" />,
                  ]),
              ),
            )}
            corrections={Object.fromEntries(
              paragraphs
                .filter((paragraph) => paragraph.corrections.length > 0)
                .map((paragraph) => [
                  paragraph.number,
                  paragraph.corrections.map((correction) => (
                    <CorrectionNotice key={correction.id} correction={correction} />
                  )),
                ]),
            )}
          />
          {navigation("Parts of this transcript, again")}
        </section>
        {part === 1 && !(isPreview && transcript.corrections.length === 0) ? (
          <CorrectionsList
            corrections={transcript.corrections}
            paragraphNumberOf={model.paragraphNumberOf}
            paragraphHref={hrefOf}
            changesPath={isPreview ? undefined : `${transcript.path}/changes`}
          />
        ) : null}
      </article>
    </ReaderProvider>
  );
}
