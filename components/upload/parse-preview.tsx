"use client";

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import {
  keptLinesNotYetInText,
  mergeTargets,
  paragraphsToShow,
  removedLinesToList,
  speakerNameChanges,
  wordCountWithKeptLines,
  type SpeakerEdits,
} from "@/components/upload/preview-choices";
import type { ApiOutcome, PreviewResponse } from "@/components/upload/post-transcript";
import { FIDELITY_HINTS, FIDELITY_LABELS } from "@/lib/format/labels";
import { formatDuration, formatTimecode } from "@/lib/format/timecode";
import type { RemovedLine } from "@/lib/ingest/types";
import { applyDraftOverrides, type DraftOverrides } from "@/lib/transcripts/draft-overrides";

const OPENING_PARAGRAPHS = 12;
/** Ticks in quick succession become one re-parse. */
const REPARSE_DELAY_MS = 250;

type Fidelity = keyof typeof FIDELITY_LABELS;

/** What the reporter decided in the preview, for the "Create draft" request. */
export interface PreviewChoices {
  title: string;
  /** Null until the reporter picks a label: then the draft keeps the suggestion, not yet confirmed. */
  fidelity: Fidelity | null;
  restore: number[];
  keepSpeakersApart: string[];
  overrides: DraftOverrides;
}

export interface ReparseRequest {
  restore: number[];
  keepSpeakersApart: string[];
}

interface Parse {
  result: PreviewResponse;
  request: ReparseRequest;
}

function sameRequest(a: ReparseRequest, b: ReparseRequest): boolean {
  return a.restore.join() === b.restore.join() && a.keepSpeakersApart.join("\n") === b.keepSpeakersApart.join("\n");
}

export function ParsePreview({
  result: firstParse,
  reparse,
  isCreating,
  creatingProgress,
  error,
  onCreate,
}: {
  /** The first parse, with nothing restored and every short name joined. */
  result: PreviewResponse;
  /** Parses the same file again with the reporter's kept lines and speakers kept apart. */
  reparse: (request: ReparseRequest) => Promise<ApiOutcome<PreviewResponse>>;
  isCreating: boolean;
  creatingProgress: number;
  /** Why the last "Create draft" failed; the reporter can try again without re-uploading. */
  error?: string;
  onCreate: (choices: PreviewChoices) => void;
}) {
  const id = useId();
  const [latest, setLatest] = useState<Parse>({ result: firstParse, request: { restore: [], keepSpeakersApart: [] } });
  const [reparseError, setReparseError] = useState<string | null>(null);
  const [title, setTitle] = useState(firstParse.preview.title ?? "");
  const [fidelity, setFidelity] = useState<Fidelity | null>(null);
  const [keep, setKeep] = useState<ReadonlySet<number>>(new Set());
  /** Short name → the full name it had been joined to, for the "join again" button. */
  const [keptApart, setKeptApart] = useState<ReadonlyMap<string, string>>(new Map());
  const [occurredAt, setOccurredAt] = useState<string | null>(null);
  const [place, setPlace] = useState<string | null>(null);
  const [speakerEdits, setSpeakerEdits] = useState<SpeakerEdits>({ names: {}, sameAs: {} });

  const request = useMemo<ReparseRequest>(
    () => ({ restore: [...keep].sort((a, b) => a - b), keepSpeakersApart: [...keptApart.keys()].sort() }),
    [keep, keptApart],
  );
  const isUpToDate = sameRequest(request, latest.request);
  const newestRequest = useRef(request);
  // The parent hands a new function on each render; only the choices should start a re-parse.
  const reparseFile = useRef(reparse);
  useEffect(() => {
    reparseFile.current = reparse;
  });
  useEffect(() => {
    newestRequest.current = request;
    if (isUpToDate) return;
    const timer = setTimeout(() => {
      void reparseFile.current(request).then((outcome) => {
        // An answer to choices the reporter has since changed is dropped: the newer request is on its way.
        if (newestRequest.current !== request) return;
        if (outcome.ok) {
          setLatest({ result: outcome.body, request });
          setReparseError(null);
        } else setReparseError(outcome.message);
      });
    }, REPARSE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [request, isUpToDate]);

  const parse = latest.result.preview;
  const allRemoved = removedLinesToList(firstParse.preview.removed, parse.removed);
  const wordCount = wordCountWithKeptLines(parse, allRemoved, keep);
  const pendingLines = keptLinesNotYetInText(parse, keep);
  const parsedSpeakerNames = parse.speakers.map((speaker) => speaker.name);
  const speakerNames = speakerNameChanges(parsedSpeakerNames, speakerEdits);
  const overrides: DraftOverrides = {
    ...(occurredAt !== null && { occurredAt: occurredAt || null }),
    ...(place !== null && { place: place.trim() || null }),
    ...(speakerNames.length > 0 && { speakerNames }),
  };
  const shown = applyDraftOverrides(parse, { speakerNames });
  const keptInText = allRemoved.filter((line) => keep.has(line.id) && !pendingLines.includes(line));
  const paragraphs = paragraphsToShow(shown.segments, keptInText, OPENING_PARAGRAPHS);
  const dateIsValid = occurredAt === null || occurredAt === "" || /^\d{4}-\d{2}-\d{2}$/.test(occurredAt);

  function toggle(lineId: number) {
    setKeep((current) => {
      const next = new Set(current);
      if (next.has(lineId)) next.delete(lineId);
      else next.add(lineId);
      return next;
    });
  }

  function setKeptApartName(from: string, into: string | null) {
    setKeptApart((current) => {
      const next = new Map(current);
      if (into === null) next.delete(from);
      else next.set(from, into);
      return next;
    });
  }

  return (
    <form
      className="flex flex-col gap-5"
      aria-label="Preview and create draft"
      onSubmit={(event) => {
        event.preventDefault();
        onCreate({
          title,
          fidelity,
          restore: request.restore,
          keepSpeakersApart: request.keepSpeakersApart,
          overrides,
        });
      }}
    >
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Title
          <input
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            required
            maxLength={300}
            className="rounded-md border border-stone-300 px-3 py-2 text-base font-normal"
          />
        </label>
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor={`${id}-fidelity`}>Fidelity</label>
          <select
            id={`${id}-fidelity`}
            value={fidelity ?? ""}
            onChange={(event) => setFidelity(event.target.value ? (event.target.value as Fidelity) : null)}
            aria-describedby={`${id}-fidelity-hint`}
            className="rounded-md border border-stone-300 bg-white px-2 py-2 font-normal"
          >
            <option value="">Not yet confirmed</option>
            {Object.entries(FIDELITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <span id={`${id}-fidelity-hint`} className="text-xs font-normal text-stone-600" data-testid="fidelity-hint">
            {fidelity
              ? FIDELITY_HINTS[fidelity]
              : `Until a person picks one, the draft carries the suggested label “${FIDELITY_LABELS[firstParse.suggestedFidelity as Fidelity] ?? firstParse.suggestedFidelity}”, marked not yet confirmed.`}
          </span>
        </div>
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={occurredAt ?? parse.occurredAt ?? ""}
            onChange={(event) => setOccurredAt(event.target.value)}
            aria-describedby={`${id}-date-hint`}
            aria-invalid={!dateIsValid}
            className="rounded-md border border-stone-300 px-3 py-2 text-base font-normal"
          />
          <span id={`${id}-date-hint`} className="text-xs font-normal text-stone-600">
            {parse.occurredAt ? `Read from the file: ${parse.occurredAt}.` : "No date found in the file."}
          </span>
        </div>
        <div className="flex flex-col gap-1 text-sm font-medium">
          <label htmlFor={`${id}-place`}>Place</label>
          <input
            id={`${id}-place`}
            value={place ?? parse.place ?? ""}
            onChange={(event) => setPlace(event.target.value)}
            maxLength={200}
            aria-describedby={`${id}-place-hint`}
            className="rounded-md border border-stone-300 px-3 py-2 text-base font-normal"
          />
          <span id={`${id}-place-hint`} className="text-xs font-normal text-stone-600">
            {parse.place ? `Read from the file: ${parse.place}.` : "No place found in the file."}
          </span>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4" data-testid="preview-facts">
        <Fact label="Language" value={parse.language ?? "Unknown"} />
        <Fact label="Format" value={`${parse.source.format.toUpperCase()} · ${parse.source.encoding}`} />
        <Fact label="Words" value={wordCount.toLocaleString("en-GB")} testId="preview-word-count" />
        <Fact label="Paragraphs" value={String(parse.segments.length)} />
        <Fact label="Duration" value={parse.durationMs ? formatDuration(parse.durationMs) : "Untimed"} />
        <Fact
          label="Speaker convention"
          value={parse.convention?.name ?? "None recognised"}
          testId="preview-convention"
        />
        <Fact
          label="Speakers"
          value={shown.speakers.map((speaker) => speaker.name).join(", ") || "None found"}
          testId="preview-speakers"
        />
      </dl>

      {parse.warnings.length > 0 ? (
        <div
          className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="preview-warnings"
        >
          <p className="font-medium">Check these before creating the draft:</p>
          <ul className="mt-1 list-disc pl-5">
            {parse.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <SpeakerMerges
        merges={parse.speakerMerges}
        keptApart={keptApart}
        onKeepApart={(from, into) => setKeptApartName(from, into)}
        onJoinAgain={(from) => setKeptApartName(from, null)}
      />

      {parsedSpeakerNames.length > 0 ? (
        <fieldset className="rounded-md border border-stone-200 p-3" data-testid="preview-speaker-editor">
          <legend className="px-1 text-sm font-medium">
            {parsedSpeakerNames.length > 1 ? "Speakers: rename, or join two who are one person" : "Speaker: rename"}
          </legend>
          <ul className="flex flex-col gap-3">
            {parsedSpeakerNames.map((name, position) => {
              const mergedInto = speakerEdits.sameAs[name];
              return (
                <li key={name} className="flex flex-col gap-2 sm:flex-row sm:items-end">
                  <div className="flex flex-1 flex-col gap-1 text-sm">
                    <label htmlFor={`${id}-speaker-${position}-name`}>
                      Name for <span className="font-medium">{name}</span>
                    </label>
                    <input
                      id={`${id}-speaker-${position}-name`}
                      value={speakerEdits.names[name] ?? name}
                      disabled={mergedInto !== undefined}
                      required
                      maxLength={200}
                      onChange={(event) =>
                        setSpeakerEdits((current) => ({
                          ...current,
                          names: { ...current.names, [name]: event.target.value },
                        }))
                      }
                      className="rounded-md border border-stone-300 px-3 py-2 text-base disabled:bg-stone-100 disabled:text-stone-600"
                    />
                  </div>
                  {parsedSpeakerNames.length > 1 ? (
                    <div className="flex flex-col gap-1 text-sm sm:w-64">
                      <label htmlFor={`${id}-speaker-${position}-same-as`}>
                        <span className="font-medium">{name}</span> is the same person as
                      </label>
                      <select
                        id={`${id}-speaker-${position}-same-as`}
                        value={mergedInto ?? ""}
                        // Others joined into this speaker: it stays, so their joins keep a name to go to.
                        disabled={Object.values(speakerEdits.sameAs).includes(name)}
                        onChange={(event) =>
                          setSpeakerEdits((current) => {
                            const sameAs = { ...current.sameAs };
                            if (event.target.value) sameAs[name] = event.target.value;
                            else delete sameAs[name];
                            return { ...current, sameAs };
                          })
                        }
                        className="rounded-md border border-stone-300 bg-white px-2 py-2 disabled:bg-stone-100 disabled:text-stone-600"
                      >
                        <option value="">No one else</option>
                        {mergeTargets(parsedSpeakerNames, speakerEdits, name).map((target) => (
                          <option key={target} value={target}>
                            {speakerEdits.names[target]?.trim() || target}
                          </option>
                        ))}
                      </select>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}

      <RemovedLines lines={allRemoved} keep={keep} onToggle={toggle} />

      <section aria-labelledby={`${id}-text`} className="flex flex-col gap-3">
        <h3 id={`${id}-text`} className="text-sm font-medium">
          Text ({parse.segments.length} paragraphs
          {parse.segments.length > paragraphs.length ? `, ${paragraphs.length} shown` : ""})
        </h3>
        <p role="status" className="text-sm text-stone-700" data-testid="preview-status">
          {reparseError
            ? `The preview could not be updated: ${reparseError} The lines you ticked will still be kept.`
            : !isUpToDate
              ? "Updating the preview…"
              : ""}
        </p>
        {pendingLines.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm" aria-label="Kept lines being placed in the text">
            {pendingLines.map((line) => (
              <li key={line.id} className="rounded bg-amber-50 px-2 py-1 break-words">
                <mark className="bg-amber-100">{line.text}</mark>{" "}
                <span className="text-xs text-stone-600">(kept; being placed in the text)</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-col gap-3 font-serif" data-testid="preview-segments">
          {paragraphs.map(({ index, segment, keptTexts }, position) => (
            <div key={index} className="flex flex-col gap-3">
              {position > 0 && paragraphs[position - 1]!.index !== index - 1 ? (
                <p className="font-sans text-xs text-stone-500" aria-hidden="true">
                  …
                </p>
              ) : null}
              <p className={`leading-relaxed break-words ${keptTexts.length > 0 ? "bg-amber-50" : ""}`}>
                {segment.speaker ? <strong className="font-sans text-sm">{segment.speaker}: </strong> : null}
                {segment.startMs !== null ? (
                  <span className="mr-1 font-sans text-xs text-stone-500">[{formatTimecode(segment.startMs)}]</span>
                ) : null}
                <Highlighted text={segment.text} marks={keptTexts} />
              </p>
            </div>
          ))}
        </div>
      </section>

      {error ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          data-testid="create-error"
        >
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={isCreating || title.trim().length === 0 || !dateIsValid}>
          {isCreating ? "Creating draft…" : "Create draft"}
        </Button>
        {isCreating && creatingProgress < 1 ? (
          <span className="text-sm text-stone-600">Uploading {Math.round(creatingProgress * 100)}%</span>
        ) : null}
        {keep.size > 0 ? (
          <span className="text-sm text-stone-700">
            {keep.size} removed {keep.size === 1 ? "line" : "lines"} will be kept.
          </span>
        ) : null}
      </div>
    </form>
  );
}

function SpeakerMerges({
  merges,
  keptApart,
  onKeepApart,
  onJoinAgain,
}: {
  merges: readonly { from: string; into: string }[];
  keptApart: ReadonlyMap<string, string>;
  onKeepApart: (from: string, into: string) => void;
  onJoinAgain: (from: string) => void;
}) {
  if (merges.length === 0 && keptApart.size === 0) return null;
  return (
    <section className="rounded-md border border-stone-200 p-3 text-sm" data-testid="speaker-merges">
      <h3 className="font-medium">Short names joined to full names</h3>
      <ul className="mt-2 flex flex-col gap-2">
        {merges.map(({ from, into }) => (
          <li key={from} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>
              “{from}” joined to “{into}”
            </span>
            <Button variant="secondary" onClick={() => onKeepApart(from, into)}>
              Keep “{from}” apart
            </Button>
          </li>
        ))}
        {[...keptApart].map(([from, into]) => (
          <li key={from} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>
              “{from}” kept apart from “{into}”
            </span>
            <Button variant="secondary" onClick={() => onJoinAgain(from)}>
              Join “{from}” to “{into}” again
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RemovedLines({
  lines,
  keep,
  onToggle,
}: {
  lines: readonly RemovedLine[];
  keep: ReadonlySet<number>;
  onToggle: (lineId: number) => void;
}) {
  return (
    <fieldset className="min-w-0 rounded-md border border-stone-200 p-3">
      <legend className="px-1 text-sm font-medium">
        Removed as not speech ({lines.length}){lines.length > 0 ? " — tick a line to keep it" : ""}
      </legend>
      {lines.length === 0 ? (
        <p className="text-sm text-stone-600" data-testid="nothing-removed">
          Nothing was removed.
        </p>
      ) : (
        <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto text-sm" data-testid="removed-lines">
          {lines.map((line) => (
            <li key={line.id}>
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  checked={keep.has(line.id)}
                  onChange={() => onToggle(line.id)}
                  className="mt-1 shrink-0"
                />
                <span className="min-w-0 break-words">
                  <span className={keep.has(line.id) ? "" : "text-stone-500 line-through"}>
                    {line.text || "(a line with no words)"}
                  </span>
                  <span className="ml-2 text-xs text-stone-600">
                    line {line.line} · {line.reason}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** The paragraph with the kept lines' texts marked, so the reporter sees where they landed. */
function Highlighted({ text, marks }: { text: string; marks: readonly string[] }) {
  if (marks.length === 0) return <>{text}</>;
  const normalised = text.replace(/\s+/g, " ");
  const ranges = marks
    .map((mark) => ({ start: normalised.indexOf(mark), length: mark.length }))
    .filter((range) => range.start >= 0)
    .sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const { start, length } of ranges) {
    if (start < cursor) continue;
    parts.push(normalised.slice(cursor, start));
    parts.push(
      <mark key={start} className="bg-amber-100">
        {normalised.slice(start, start + length)}
      </mark>,
    );
    cursor = start + length;
  }
  parts.push(normalised.slice(cursor));
  return <>{parts}</>;
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs tracking-wide text-stone-500 uppercase">{label}</dt>
      <dd data-testid={testId} className="break-words">
        {value}
      </dd>
    </div>
  );
}
