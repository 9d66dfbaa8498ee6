import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DateTime } from "@/components/ui/date-time";
import { requireUser } from "@/lib/auth/session";
import { ENTITY_TYPE_LABELS, FIDELITY_LABELS, SPEAKER_ROLE_LABELS, STATUS_LABELS } from "@/lib/format/labels";
import { formatDuration, formatTimecode } from "@/lib/format/timecode";
import { findDeskTranscript } from "@/lib/transcripts/queries";

// The title and the page read the same record: one query per request.
const loadTranscript = cache(findDeskTranscript);

export async function generateMetadata({ params }: PageProps<"/desk/transcripts/[id]">): Promise<Metadata> {
  await requireUser(); // metadata renders alongside the page: it must not read a draft for a stranger either
  const transcript = await loadTranscript((await params).id);
  return { title: transcript?.title ?? "Transcript not found" };
}

interface CleanupReport {
  removed?: { id: number; line: number; text: string; reason: string }[];
  restored?: number[];
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export default async function DraftPage({ params }: PageProps<"/desk/transcripts/[id]">) {
  await requireUser();
  const { id } = await params;
  const transcript = await loadTranscript(id);
  if (!transcript) notFound();

  const speakers = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker]));
  const source = transcript.sourceFiles[0];
  const report = source ? parseJson<CleanupReport>(source.cleanupReport, {}) : {};
  const restored = new Set(report.restored ?? []);
  const warnings = source ? parseJson<string[]>(source.warnings, []) : [];

  return (
    <article className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="flex min-w-0 flex-col gap-6">
        <header className="flex flex-col gap-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-accent">
            {STATUS_LABELS[transcript.status]} · {FIDELITY_LABELS[transcript.fidelity]}
          </p>
          <h1 className="font-serif text-3xl font-bold leading-tight">{transcript.title}</h1>
          <p className="text-sm text-stone-600">
            {[
              transcript.occurredAt?.toISOString().slice(0, 10),
              transcript.place,
              transcript.language?.toUpperCase(),
              `${transcript.wordCount.toLocaleString("en-GB")} words`,
              transcript.durationMs ? formatDuration(transcript.durationMs) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </header>

        {warnings.length > 0 ? (
          <ul className="list-disc rounded-md border border-amber-200 bg-amber-50 p-3 pl-8 text-sm text-amber-950">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ) : null}

        <section
          aria-label="Transcript text"
          className="flex flex-col gap-4 font-serif text-lg leading-relaxed"
          data-testid="draft-segments"
        >
          {transcript.segments.map((segment, index) => {
            const speaker = segment.speakerId ? speakers.get(segment.speakerId) : undefined;
            // Name the speaker when the voice changes, as a printed transcript does.
            const isNewSpeaker = index === 0 || transcript.segments[index - 1]?.speakerId !== segment.speakerId;
            return (
              <div key={segment.id} className="flex flex-col gap-1">
                {isNewSpeaker || segment.startMs !== null ? (
                  <div className="flex items-baseline gap-2 font-sans text-sm">
                    {isNewSpeaker ? <span className="font-semibold">{speaker?.name ?? "Unattributed"}</span> : null}
                    {segment.startMs !== null ? (
                      <span className="text-xs text-stone-500">{formatTimecode(segment.startMs)}</span>
                    ) : null}
                  </div>
                ) : null}
                <p>{segment.text}</p>
              </div>
            );
          })}
        </section>
      </div>

      <aside className="flex flex-col gap-6 text-sm">
        <section aria-labelledby="speakers-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="speakers-title" className="mb-2 font-semibold">
            Speakers
          </h2>
          {transcript.speakers.length === 0 ? (
            <p className="text-stone-600">No speakers found. Name them in the editor.</p>
          ) : (
            <ul className="flex flex-col gap-2" data-testid="draft-speakers">
              {transcript.speakers.map((speaker) => (
                <li key={speaker.id}>
                  <div className="font-medium">{speaker.name}</div>
                  <div className="text-xs text-stone-600">
                    {[speaker.title, speaker.outlet, speaker.role ? SPEAKER_ROLE_LABELS[speaker.role] : null]
                      .filter(Boolean)
                      .join(" · ")}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="entities-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="entities-title" className="mb-2 font-semibold">
            Suggested people, organisations and places
          </h2>
          {transcript.entities.length === 0 ? <p className="text-stone-600">None found.</p> : null}
          {(["PERSON", "ORG", "PLACE"] as const).map((type) => {
            const entities = transcript.entities.filter((entity) => entity.type === type);
            if (entities.length === 0) return null;
            return (
              <div key={type} className="mb-2">
                <h3 className="text-xs uppercase tracking-wide text-stone-500">{ENTITY_TYPE_LABELS[type]}</h3>
                <ul className="flex flex-wrap gap-1 py-1" data-testid={`entities-${type.toLowerCase()}`}>
                  {entities.map((entity) => (
                    <li key={entity.id} className="rounded bg-stone-100 px-2 py-0.5">
                      {entity.name} <span className="text-stone-600">×{entity.mentionCount}</span>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>

        {source ? (
          <section aria-labelledby="source-title" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="source-title" className="mb-2 font-semibold">
              Original upload
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              <dt className="text-stone-500">File</dt>
              <dd className="break-all">{source.filename}</dd>
              <dt className="text-stone-500">Format</dt>
              <dd>
                {source.format.toUpperCase()} · {source.encoding} · {(source.size / 1024).toFixed(1)} KB
              </dd>
              <dt className="text-stone-500">SHA-256</dt>
              <dd className="break-all font-mono text-xs">{source.sha256}</dd>
              <dt className="text-stone-500">Uploaded</dt>
              <dd>
                <DateTime value={source.uploadedAt} /> by {source.uploadedBy.name}
              </dd>
            </dl>
            <a
              href={`/api/source-files/${source.id}`}
              className="mt-3 inline-block font-medium text-accent underline"
              download
            >
              Download the original, byte for byte
            </a>
            {report.removed && report.removed.length > 0 ? (
              <details className="mt-3">
                <summary className="cursor-pointer">Lines removed during clean-up ({report.removed.length})</summary>
                <ul className="mt-2 flex flex-col gap-1" data-testid="draft-removed">
                  {report.removed.map((line) => (
                    <li key={line.id} className={restored.has(line.id) ? "" : "text-stone-500"}>
                      {restored.has(line.id) ? "Kept: " : ""}
                      {line.text} <span className="text-xs">({line.reason})</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        ) : null}
      </aside>
    </article>
  );
}
