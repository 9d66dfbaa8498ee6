import type { PublicTranscript } from "@/lib/publishing/types";
import { CorrectionsList } from "./corrections-list";
import { ReaderMediaPlayer } from "./reader-media-player";
import { ReaderShortcuts } from "./reader-shortcuts";
import { ReaderProvider } from "./reader-store";
import { buildReadingModel } from "./reading-model";
import { SpeakerFilter } from "./speaker-filter";
import { TranscriptHeader } from "./transcript-header";
import { TranscriptParagraph } from "./transcript-paragraph";

/** The public reading page's content, from a published transcript: rendered on the server, cached, interactive leaves only. */
export function TranscriptReader({ transcript }: { transcript: PublicTranscript }) {
  const model = buildReadingModel(transcript);
  const hasMedia = Boolean(transcript.mediaUrl);
  return (
    <ReaderProvider>
      <article className="flex flex-col gap-8" data-testid="transcript-reader">
        <TranscriptHeader transcript={transcript} />
        <section aria-labelledby="transcript-title" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-stone-300 pb-2">
            <h2 id="transcript-title" className="font-serif text-2xl font-semibold">
              Transcript
            </h2>
            {transcript.corrections.length > 0 ? (
              <a
                href="#corrections"
                className="text-sm text-accent underline underline-offset-2 hover:text-accent-strong"
              >
                {transcript.corrections.length === 1 ? "1 correction" : `${transcript.corrections.length} corrections`}
              </a>
            ) : null}
          </div>
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start sm:justify-between">
            {model.speakerCounts.length > 1 ? (
              <SpeakerFilter
                total={model.paragraphs.length}
                speakers={model.speakerCounts.map(({ speaker, paragraphs }) => ({
                  id: speaker.id,
                  name: speaker.name,
                  paragraphs,
                }))}
              />
            ) : null}
            <ReaderShortcuts hasNotes={model.annotations.length > 0} />
          </div>
          {transcript.mediaUrl ? (
            <ReaderMediaPlayer
              src={transcript.mediaUrl}
              paragraphs={model.paragraphs.map(({ segment }) => ({ segmentId: segment.id, startMs: segment.startMs }))}
            />
          ) : null}
          <div className="reader-paragraphs flex flex-col">
            {model.paragraphs.map((paragraph) => (
              <TranscriptParagraph
                key={paragraph.segment.id}
                paragraph={paragraph}
                path={transcript.path}
                hasMedia={hasMedia}
              />
            ))}
          </div>
        </section>
        <CorrectionsList
          corrections={transcript.corrections}
          paragraphNumberOf={model.paragraphNumberOf}
          changesPath={`${transcript.path}/changes`}
        />
      </article>
    </ReaderProvider>
  );
}
