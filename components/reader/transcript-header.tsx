import Link from "next/link";
import type { ReactNode } from "react";
import { speakerPath } from "@/lib/discovery/params";
import { formatDuration } from "@/lib/format/timecode";
import {
  formatPublicDate,
  publicFidelityHint,
  publicFidelityLabel,
  speakerDescription,
  speakerRoleLabel,
} from "@/lib/publishing/labels";
import type { PublicTranscript } from "@/lib/publishing/types";
import { speakerSlug } from "@/lib/publishing/public-index";
import { PublicDate } from "./correction-notice";

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Title, event, fidelity and provenance, speakers and summary: what a reader needs before the words. */
export function TranscriptHeader({
  transcript,
  byline,
  isPreview = false,
}: {
  transcript: PublicTranscript;
  byline?: ReactNode;
  /** A working copy: not published yet (or changed since), and its speakers' public pages may not exist. */
  isPreview?: boolean;
}) {
  const eventDate = formatPublicDate(transcript.occurredAt);
  const speakersWithWords = new Set(transcript.segments.flatMap((segment) => segment.speakerId ?? []));
  return (
    <header className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold tracking-tight [overflow-wrap:anywhere] sm:text-4xl">
        {transcript.title}
      </h1>
      {byline}
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-stone-700">
        {eventDate && transcript.occurredAt ? <time dateTime={transcript.occurredAt}>{eventDate}</time> : null}
        {transcript.place ? <span>{transcript.place}</span> : null}
        {transcript.durationMs ? <span>{formatDuration(transcript.durationMs)}</span> : null}
        <span>{transcript.wordCount.toLocaleString("en-GB")} words</span>
      </p>
      <p className="text-sm text-stone-700">
        {isPreview ? (
          "Working copy, not published as shown"
        ) : (
          <>
            Published <PublicDate iso={transcript.publishedAt} />
            {transcript.updatedAt ? (
              <>
                , updated <PublicDate iso={transcript.updatedAt} />
              </>
            ) : null}
          </>
        )}
      </p>
      {transcript.summary ? <p className="max-w-3xl text-lg leading-relaxed">{transcript.summary}</p> : null}

      <section
        aria-labelledby="provenance-title"
        className="rounded-md border border-stone-300 bg-white p-4 text-sm [overflow-wrap:anywhere]"
      >
        <h2 id="provenance-title" className="sr-only">
          About this transcript
        </h2>
        <p>
          <span className="font-semibold">
            {publicFidelityLabel(transcript.fidelity, transcript.fidelityCheckedBy)}
          </span>
          <span className="text-stone-700">. {publicFidelityHint(transcript.fidelity)}</span>
        </p>
        {transcript.sourceUrl ? (
          <p className="mt-2">
            Source:{" "}
            {isWebAddress(transcript.sourceUrl) ? (
              <a
                href={transcript.sourceUrl}
                rel="noopener noreferrer nofollow"
                className="text-accent underline underline-offset-2 hover:text-accent-strong"
              >
                {hostOf(transcript.sourceUrl)}
              </a>
            ) : (
              transcript.sourceUrl
            )}
          </p>
        ) : null}
        {transcript.sourceFiles.length > 0 ? (
          <div className="mt-2">
            <p>Original file on record:</p>
            <ul className="mt-1 flex flex-col gap-1">
              {transcript.sourceFiles.map((file) => (
                <li key={file.sha256 + file.filename}>
                  {file.filename} <span className="text-stone-700">({file.format})</span>
                  <br />
                  <span className="text-stone-700">SHA-256</span>{" "}
                  <code className="break-all font-mono text-xs">{file.sha256}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {transcript.speakers.length > 0 ? (
        <section aria-labelledby="speakers-title">
          <h2 id="speakers-title" className="font-serif text-xl font-semibold">
            Speakers
          </h2>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {transcript.speakers.map((speaker) => {
              const description = speakerDescription(speaker);
              const role = speakerRoleLabel(speaker.role);
              // Only a named speaker with words here has a speaker page (lib/publishing/public-index.ts).
              const slug = !isPreview && speakersWithWords.has(speaker.id) ? speakerSlug(speaker.name) : null;
              return (
                <li key={speaker.id} className="[overflow-wrap:anywhere]">
                  {slug ? (
                    <Link
                      href={speakerPath(slug)}
                      className="font-semibold underline decoration-stone-400 underline-offset-2 hover:text-accent"
                    >
                      {speaker.name}
                    </Link>
                  ) : (
                    <span className="font-semibold">{speaker.name}</span>
                  )}
                  {description ? <span className="text-stone-700">, {description}</span> : null}
                  {role ? <span className="ml-2 text-xs uppercase tracking-wide text-stone-700">{role}</span> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </header>
  );
}
