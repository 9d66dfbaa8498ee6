"use client";

import { useId, useState } from "react";
import type { EditorSegment, EditorSpeaker } from "@/lib/editor/types";
import type { EditorController } from "./editor-controller";
import { SpeakerSelect } from "./speaker-select";
import { formatTimecodePrecise, parseTimecode } from "./timecode";

const SMALL_BUTTON =
  "rounded border border-stone-300 bg-white px-2 py-1 text-xs font-medium text-ink hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-500";

/** The focused paragraph's tools: speaker, timings, annotate, insert, move, delete. */
export function ParagraphToolbar({
  controller,
  segment,
  number,
  speakers,
  hasSelection,
  hasMedia,
  onAnnotate,
  onStampTime,
}: {
  controller: EditorController;
  segment: EditorSegment;
  number: number;
  speakers: readonly EditorSpeaker[];
  hasSelection: boolean;
  hasMedia: boolean;
  onAnnotate: () => void;
  onStampTime: () => void;
}) {
  const id = useId();
  const segmentId = segment.id;
  return (
    <div
      className="mt-2 flex flex-wrap items-end gap-2 rounded-md border border-stone-200 bg-stone-50 p-2 font-sans"
      role="group"
      aria-label={`Tools for paragraph ${number}`}
    >
      <SpeakerSelect
        id={`${id}-speaker`}
        value={segment.speakerId ?? ""}
        speakers={speakers}
        onChange={(speakerId) => void controller.setSpeaker([segmentId], speakerId || null)}
      />
      <TimingField
        key={`start-${segment.startMs}`}
        label="Start"
        value={segment.startMs}
        onCommit={(startMs) => controller.setTiming(segmentId, { startMs, endMs: segment.endMs })}
      />
      <TimingField
        key={`end-${segment.endMs}`}
        label="End"
        value={segment.endMs}
        onCommit={(endMs) => controller.setTiming(segmentId, { startMs: segment.startMs, endMs })}
      />
      {hasMedia ? (
        <button type="button" className={SMALL_BUTTON} onClick={onStampTime} title="Alt+T">
          Start at player time
        </button>
      ) : null}
      <div className="flex flex-wrap gap-1">
        <button
          type="button"
          className={SMALL_BUTTON}
          disabled={!hasSelection}
          onClick={onAnnotate}
          title="Alt+A"
          aria-label={hasSelection ? "Annotate the selected words" : "Annotate (select words first)"}
        >
          Annotate
        </button>
        <button
          type="button"
          className={SMALL_BUTTON}
          onClick={() => void controller.insertAfter(segmentId)}
          title="Alt+Enter"
        >
          New paragraph after
        </button>
        <button
          type="button"
          className={SMALL_BUTTON}
          onClick={() => void controller.move(segmentId, -1)}
          title="Alt+↑"
        >
          Move up
        </button>
        <button type="button" className={SMALL_BUTTON} onClick={() => void controller.move(segmentId, 1)} title="Alt+↓">
          Move down
        </button>
        <button
          type="button"
          className={`${SMALL_BUTTON} text-red-800`}
          onClick={() => void controller.deleteParagraph(segmentId)}
          title="Alt+Shift+D"
        >
          Delete paragraph
        </button>
      </div>
    </div>
  );
}

/** A start or end time typed as m:ss or h:mm:ss; saved on Enter or when leaving the field. */
function TimingField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number | null;
  onCommit: (milliseconds: number | null) => Promise<boolean>;
}) {
  const id = useId();
  const initial = value === null ? "" : formatTimecodePrecise(value);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function commit() {
    if (text === initial) return;
    if (text.trim() === "") {
      setError(null);
      await onCommit(null);
      return;
    }
    const parsed = parseTimecode(text);
    if (parsed === null) {
      setError("Use m:ss or h:mm:ss");
      return;
    }
    setError(null);
    const isSaved = await onCommit(parsed);
    if (!isSaved) setText(initial);
  }

  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-stone-700">
        {label}
      </label>
      <input
        id={id}
        value={text}
        inputMode="decimal"
        placeholder="m:ss"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            void commit();
          }
          if (event.key === "Escape") {
            setText(initial);
            setError(null);
          }
        }}
        className={`w-24 rounded border bg-white px-1.5 py-1 font-mono text-sm ${error ? "border-red-600" : "border-stone-300"}`}
      />
      {error ? (
        <span id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
