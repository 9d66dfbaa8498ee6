import Link from "next/link";
import { paragraphHref } from "@/lib/publishing/parts";
import type { PublicTranscript, PublishedSnapshot } from "@/lib/publishing/types";
import { CorrectionsList } from "./corrections-list";
import { DiffText, PublicDate } from "./correction-notice";
import { paragraphChanges } from "./paragraph-changes";

/** "Changes since publication": each paragraph that differs from the first published version, word by word. */
export function ChangesView({
  transcript,
  first,
}: {
  transcript: PublicTranscript;
  first: PublishedSnapshot & { publishedAt: string };
}) {
  const changes = paragraphChanges(first, transcript);
  const hrefOf = (number: number) =>
    paragraphHref(transcript.path, transcript.partStarts, transcript.segments.length, number);
  const speakers = new Map([...first.speakers, ...transcript.speakers].map((speaker) => [speaker.id, speaker.name]));
  const paragraphNumberOf = new Map(transcript.segments.map((segment, index) => [segment.id, index + 1]));
  return (
    <article className="flex flex-col gap-8" data-testid="changes-view">
      <header className="flex flex-col gap-3">
        <h1 className="font-serif text-3xl font-bold tracking-tight [overflow-wrap:anywhere] sm:text-4xl">
          Changes since publication
        </h1>
        <p className="text-lg [overflow-wrap:anywhere]">
          <Link href={transcript.path} className="text-accent underline underline-offset-2 hover:text-accent-strong">
            {transcript.title}
          </Link>
        </p>
        <p className="text-stone-700">
          First published <PublicDate iso={first.publishedAt} />
          {transcript.updatedAt ? (
            <>
              , last updated <PublicDate iso={transcript.updatedAt} />
            </>
          ) : null}
          . Words removed since are <del className="bg-red-50 text-red-900">struck through</del>; words added are{" "}
          <ins className="bg-emerald-100 text-emerald-950 underline decoration-emerald-700 decoration-2">
            underlined
          </ins>
          .
        </p>
        {first.title !== transcript.title ? (
          <p className="text-sm text-stone-700 [overflow-wrap:anywhere]">
            First published as <q>{first.title}</q>.
          </p>
        ) : null}
      </header>

      <section aria-labelledby="changed-title" className="flex flex-col gap-4">
        <h2 id="changed-title" className="border-b border-stone-300 pb-2 font-serif text-2xl font-semibold">
          Changed paragraphs
        </h2>
        {changes.length === 0 ? (
          <p className="text-stone-700">The words are as first published.</p>
        ) : (
          <ol className="flex flex-col gap-5">
            {changes.map((change) => (
              <li key={`${change.kind}-${change.segmentId}`} className="flex flex-col gap-1">
                <p className="flex flex-wrap gap-x-3 font-sans text-sm">
                  {change.number ? (
                    <a
                      href={hrefOf(change.number)}
                      className="font-semibold text-accent underline underline-offset-2 hover:text-accent-strong"
                    >
                      Paragraph {change.number}
                    </a>
                  ) : (
                    <span className="font-semibold">Paragraph {change.firstNumber} as first published</span>
                  )}
                  <span className="text-stone-700">
                    {change.kind === "added" ? "added" : change.kind === "removed" ? "removed" : "changed"}
                  </span>
                  {change.speakerId && speakers.get(change.speakerId) ? (
                    <span className="font-semibold text-ink">{speakers.get(change.speakerId)}</span>
                  ) : null}
                </p>
                <p className="font-serif text-lg leading-relaxed [overflow-wrap:anywhere]">
                  <DiffText parts={change.parts} />
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <CorrectionsList
        corrections={transcript.corrections}
        paragraphNumberOf={paragraphNumberOf}
        paragraphHref={hrefOf}
      />
    </article>
  );
}
