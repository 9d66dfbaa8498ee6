"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FIDELITY_HINTS, FIDELITY_LABELS } from "@/lib/format/labels";
import { formatDuration, formatTimecode } from "@/lib/format/timecode";
import type { PreviewResponse } from "@/components/upload/post-transcript";

const PREVIEW_PARAGRAPHS = 12;

export function ParsePreview({
  result,
  isCreating,
  creatingProgress,
  error,
  onCreate,
}: {
  result: PreviewResponse;
  isCreating: boolean;
  creatingProgress: number;
  /** Why the last "Create draft" failed; the reporter can try again without re-uploading. */
  error?: string;
  onCreate: (choices: { title: string; fidelity: string; restore: number[] }) => void;
}) {
  const { preview } = result;
  const [title, setTitle] = useState(preview.title ?? "");
  const [fidelity, setFidelity] = useState(result.suggestedFidelity);
  const [restore, setRestore] = useState<ReadonlySet<number>>(new Set());
  const speakerNames = preview.speakers.map((speaker) => speaker.name);

  function toggle(id: number) {
    setRestore((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <form
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        onCreate({ title, fidelity, restore: [...restore] });
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
        <label className="flex flex-col gap-1 text-sm font-medium">
          Fidelity
          <select
            value={fidelity}
            onChange={(event) => setFidelity(event.target.value)}
            className="rounded-md border border-stone-300 bg-white px-2 py-2 font-normal"
          >
            {Object.entries(FIDELITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <span className="text-xs font-normal text-stone-600">
            {FIDELITY_HINTS[fidelity as keyof typeof FIDELITY_HINTS]}
          </span>
        </label>
      </div>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4" data-testid="preview-facts">
        <Fact label="Date" value={preview.occurredAt ?? "Not found"} testId="preview-date" />
        <Fact label="Place" value={preview.place ?? "Not stated"} />
        <Fact label="Language" value={preview.language ?? "Unknown"} />
        <Fact label="Format" value={`${preview.source.format.toUpperCase()} · ${preview.source.encoding}`} />
        <Fact label="Words" value={preview.wordCount.toLocaleString("en-GB")} />
        <Fact label="Paragraphs" value={String(preview.segments.length)} />
        <Fact label="Duration" value={preview.durationMs ? formatDuration(preview.durationMs) : "Untimed"} />
        <Fact label="Speakers" value={speakerNames.join(", ") || "None found"} testId="preview-speakers" />
      </dl>

      {preview.warnings.length > 0 ? (
        <div
          className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="preview-warnings"
        >
          <p className="font-medium">Check these before creating the draft:</p>
          <ul className="mt-1 list-disc pl-5">
            {preview.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <fieldset className="rounded-md border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">
          Removed as not speech ({preview.removed.length}) — tick a line to keep it
        </legend>
        {preview.removed.length === 0 ? (
          <p className="text-sm text-stone-600">Nothing was removed.</p>
        ) : (
          <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto text-sm" data-testid="removed-lines">
            {preview.removed.map((line) => (
              <li key={line.id}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    checked={restore.has(line.id)}
                    onChange={() => toggle(line.id)}
                    className="mt-1"
                  />
                  <span>
                    <span className={restore.has(line.id) ? "" : "text-stone-500 line-through"}>{line.text}</span>
                    <span className="ml-2 text-xs text-stone-500">
                      line {line.line} · {line.reason}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <section aria-label="Text preview" className="flex flex-col gap-3">
        <h3 className="text-sm font-medium">
          Text ({preview.segments.length} paragraphs
          {preview.segments.length > PREVIEW_PARAGRAPHS ? `, first ${PREVIEW_PARAGRAPHS} shown` : ""})
        </h3>
        <div className="flex flex-col gap-3 font-serif" data-testid="preview-segments">
          {preview.segments.slice(0, PREVIEW_PARAGRAPHS).map((segment, index) => (
            <p key={index} className="leading-relaxed">
              {segment.speaker ? <strong className="font-sans text-sm">{segment.speaker}: </strong> : null}
              {segment.startMs !== null ? (
                <span className="mr-1 font-sans text-xs text-stone-500">[{formatTimecode(segment.startMs)}]</span>
              ) : null}
              {segment.text}
            </p>
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
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={isCreating || title.trim().length === 0}>
          {isCreating ? "Creating draft…" : "Create draft"}
        </Button>
        {isCreating && creatingProgress < 1 ? (
          <span className="text-sm text-stone-600">Uploading {Math.round(creatingProgress * 100)}%</span>
        ) : null}
        {restore.size > 0 ? (
          <span className="text-sm text-stone-700">{restore.size} removed line(s) will be kept.</span>
        ) : null}
      </div>
    </form>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-stone-500">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
