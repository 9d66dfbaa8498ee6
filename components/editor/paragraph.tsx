"use client";

import { memo, useCallback, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import type { EditorAnnotation, EditorSpeaker } from "@/lib/editor/types";
import { formatTimecode } from "@/lib/format/timecode";
import { ConflictPanel } from "./conflict-panel";
import type { EditorController } from "./editor-controller";
import { rangesAt, shiftRanges, splitIntoRuns } from "./highlight";
import { ANNOTATION_KIND_SHORT, ANNOTATION_KIND_STYLES } from "./labels";
import { ParagraphToolbar } from "./paragraph-toolbar";
import { entryText, type SegmentEntry } from "./segment-store";
import { matchShortcut } from "./shortcuts";
import type { TextSelection } from "./value-store";

export interface ParagraphCallbacks {
  onToggleChecked: (segmentId: string, isRange: boolean) => void;
  onAnnotate: (selection: TextSelection) => void;
  onSeek: (milliseconds: number) => void;
  onStampTime: (segmentId: string) => void;
  onOpenAnnotation: (annotationId: string) => void;
}

export interface ParagraphProps {
  controller: EditorController;
  callbacks: ParagraphCallbacks;
  segmentId: string;
  /** 0-based among live paragraphs. */
  index: number;
  speakerName: string | null;
  /** Name the speaker here: the voice changed from the paragraph before. */
  showSpeaker: boolean;
  speakers: readonly EditorSpeaker[];
  /** Colleagues in this paragraph, as one sentence. */
  presenceNames: string | undefined;
  isPlaying: boolean;
  hasMedia: boolean;
  isSelectMode: boolean;
  isChecked: boolean;
}

// The textarea and the highlight layer behind it must lay text out identically: same font, padding, border and
// wrapping. The layer sets the height (it is in the flow); the textarea covers it exactly.
const TEXT_BOX =
  "box-border rounded-md border px-3 py-2 font-serif text-lg leading-relaxed whitespace-pre-wrap [overflow-wrap:break-word] [tab-size:4]";

/**
 * iOS and iPadOS (every browser there is WebKit) set a textarea's text 3 px in from each side, beyond its padding,
 * and no CSS removes it: without the same inset the layer's highlights start early and end about half a character
 * short of their words, and lines may wrap elsewhere. `-webkit-touch-callout` is supported there and nowhere else.
 */
const LAYER_INSET = "supports-[-webkit-touch-callout:none]:px-[calc(0.75rem_+_3px)]";

const NO_ANNOTATIONS: readonly EditorAnnotation[] = [];

function markClass(annotations: readonly EditorAnnotation[]): string {
  const first = annotations[0];
  if (!first) return "";
  // The most public kind wins the colour; a resolved note fades.
  const kind =
    annotations.find((annotation) => annotation.kind === "factcheck")?.kind ??
    annotations.find((annotation) => annotation.kind === "quote")?.kind ??
    annotations.find((annotation) => annotation.kind === "context")?.kind ??
    first.kind;
  const faded = annotations.every((annotation) => annotation.kind === "note" && annotation.resolved);
  return `${ANNOTATION_KIND_STYLES[kind].mark} rounded-sm text-transparent ${faded ? "opacity-50" : ""}`;
}

export const Paragraph = memo(function Paragraph({
  controller,
  callbacks,
  segmentId,
  index,
  speakerName,
  showSpeaker,
  speakers,
  presenceNames,
  isPlaying,
  hasMedia,
  isSelectMode,
  isChecked,
}: ParagraphProps) {
  const { store, annotations: annotationStore, selection } = controller;
  const subscribeEntry = useCallback(
    (listener: () => void) => store.subscribeEntry(segmentId, listener),
    [store, segmentId],
  );
  const entry: SegmentEntry | undefined = useSyncExternalStore(
    subscribeEntry,
    () => store.getEntry(segmentId),
    () => store.getEntry(segmentId),
  );
  const subscribeAnnotations = useCallback(
    (listener: () => void) => annotationStore.subscribeSegment(segmentId, listener),
    [annotationStore, segmentId],
  );
  const annotations = useSyncExternalStore(
    subscribeAnnotations,
    () => annotationStore.forSegment(segmentId),
    () => NO_ANNOTATIONS,
  );
  const hasSelection = useSyncExternalStore(
    selection.subscribe,
    () => selection.get()?.segmentId === segmentId,
    () => false,
  );
  const [isFocused, setIsFocused] = useState(false);
  const [caretNotes, setCaretNotes] = useState("");
  const textareaRef = useCallback(
    (element: HTMLTextAreaElement | null) => controller.registerTextarea(segmentId, element),
    [controller, segmentId],
  );

  const savedText = entry?.segment.text ?? "";
  const text = entry ? entryText(entry) : "";
  // Unsaved typing shifts the highlights along with the words until the save re-anchors them on the server.
  const ranges = useMemo(() => shiftRanges(annotations, savedText, text), [annotations, savedText, text]);
  const runs = useMemo(() => splitIntoRuns(text, ranges), [text, ranges]);

  if (!entry) return null;
  const number = index + 1;
  const label = `Paragraph ${number}, ${speakerName ?? "unattributed"}`;
  const { segment } = entry;
  const isUnsaved = entry.draft !== null && !entry.conflict;
  const hasHeading = isSelectMode || showSpeaker || segment.startMs !== null || Boolean(presenceNames);

  function updateSelection(element: HTMLTextAreaElement) {
    const { selectionStart: start, selectionEnd: end, value } = element;
    selection.set(start === end ? null : { segmentId, start, end, text: value.slice(start, end) });
    const ids = rangesAt(ranges, start, end)
      .map((range) => range.id)
      .join(" ");
    setCaretNotes(ids);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const action = matchShortcut(event.nativeEvent);
    if (!action) return;
    const element = event.currentTarget;
    const { selectionStart: start, selectionEnd: end, value } = element;
    switch (action.type) {
      case "split":
        event.preventDefault();
        void controller.split(segmentId, start);
        return;
      case "backspace":
        if (start !== 0 || end !== 0 || index === 0) return;
        event.preventDefault();
        void controller.mergeWithPrevious(segmentId);
        return;
      case "insertAfter":
        event.preventDefault();
        void controller.insertAfter(segmentId);
        return;
      case "moveUp":
      case "moveDown":
        event.preventDefault();
        void controller.move(segmentId, action.type === "moveUp" ? -1 : 1);
        return;
      case "delete":
        event.preventDefault();
        void controller.deleteParagraph(segmentId);
        return;
      case "annotate":
        event.preventDefault();
        if (start === end) controller.say("Select the words to annotate first.", "error");
        else callbacks.onAnnotate({ segmentId, start, end, text: value.slice(start, end) });
        return;
      case "stampTime":
        event.preventDefault();
        callbacks.onStampTime(segmentId);
        return;
      case "speaker":
        event.preventDefault();
        void controller.setSpeakerByNumber(segmentId, action.index);
        return;
      case "previousParagraph": {
        const previous = store.previousId(segmentId);
        if (start !== 0 || end !== 0 || !previous) return;
        event.preventDefault();
        controller.focusParagraph(previous);
        return;
      }
      case "nextParagraph": {
        const next = store.nextId(segmentId);
        if (start !== value.length || end !== value.length || !next) return;
        event.preventDefault();
        controller.focusParagraph(next, 0, 0);
        return;
      }
      default:
        // Undo, find, save, help and Escape are the page's (transcript-editor.tsx).
        return;
    }
  }

  const notesAtCaret = caretNotes
    ? annotations.filter((annotation) => caretNotes.split(" ").includes(annotation.id))
    : [];

  return (
    <div
      data-testid={`segment-${segmentId}`}
      data-playing={isPlaying ? "true" : undefined}
      className={`scroll-mt-48 rounded-lg px-1 pb-3 pt-1 ${isPlaying ? "bg-amber-50 ring-2 ring-amber-300" : ""} ${
        isChecked ? "bg-rose-50" : ""
      }`}
      onFocus={() => {
        setIsFocused(true);
        controller.focused.set(segmentId);
      }}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setIsFocused(false);
        if (controller.focused.get() === segmentId) controller.focused.set(null);
        controller.saveNow(segmentId);
      }}
    >
      {hasHeading ? (
        <div className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 font-sans text-sm">
          {isSelectMode ? (
            <input
              type="checkbox"
              className="size-4 accent-rose-800"
              aria-label={`Select paragraph ${number}`}
              checked={isChecked}
              onChange={() => undefined}
              onClick={(event) => callbacks.onToggleChecked(segmentId, event.shiftKey)}
            />
          ) : null}
          {showSpeaker ? (
            <span className={speakerName ? "font-semibold text-ink" : "font-semibold text-stone-600 italic"}>
              {speakerName ?? "Unattributed"}
            </span>
          ) : null}
          {segment.startMs !== null ? (
            hasMedia ? (
              <button
                type="button"
                className="rounded px-1 font-mono text-xs text-stone-600 underline decoration-dotted underline-offset-2 hover:text-accent"
                aria-label={`Play from ${formatTimecode(segment.startMs)}`}
                onClick={() => callbacks.onSeek(segment.startMs ?? 0)}
              >
                {formatTimecode(segment.startMs)}
              </button>
            ) : (
              <span className="font-mono text-xs text-stone-600">{formatTimecode(segment.startMs)}</span>
            )
          ) : null}
          {presenceNames ? (
            <span
              className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-950"
              data-testid="presence-badge"
            >
              {presenceNames}
            </span>
          ) : null}
        </div>
      ) : null}

      <div className="relative">
        {isUnsaved ? (
          // Over the box's top edge rather than in the line above it: the text must not move while one types.
          <span className="pointer-events-none absolute -top-2 right-2 z-10 rounded bg-paper px-1 font-sans text-[0.7rem] leading-4 text-stone-700">
            {entry.isSaving ? "Saving…" : "Unsaved"}
          </span>
        ) : null}
        <div
          aria-hidden="true"
          className={`${TEXT_BOX} ${LAYER_INSET} pointer-events-none border-transparent text-transparent`}
        >
          {runs.map((run) =>
            run.ranges.length > 0 ? (
              <mark key={run.start} className={markClass(run.ranges)}>
                {run.text}
              </mark>
            ) : (
              <span key={run.start}>{run.text}</span>
            ),
          )}
          {/* Keeps a last empty line's height, as the textarea has it. */}
          {"\u200b"}
        </div>
        <textarea
          ref={textareaRef}
          aria-label={label}
          value={text}
          rows={1}
          spellCheck
          onChange={(event) => {
            controller.edit(segmentId, event.target.value);
            updateSelection(event.target);
          }}
          onSelect={(event) => updateSelection(event.currentTarget)}
          onKeyDown={onKeyDown}
          className={`${TEXT_BOX} absolute inset-0 h-full w-full resize-none overflow-hidden bg-transparent text-ink caret-ink ${
            entry.conflict ? "border-amber-400" : entry.error ? "border-red-500" : "border-stone-200"
          } hover:border-stone-300 focus:border-accent`}
        />
      </div>

      {entry.error ? (
        <p className="mt-1 font-sans text-sm text-red-800">
          Not saved: {entry.error} Your text is kept on this device.
        </p>
      ) : null}

      {entry.conflict ? (
        <ConflictPanel
          conflict={entry.conflict}
          mine={text}
          paragraphNumber={number}
          onKeepMine={() => void controller.queue.keepMine(segmentId)}
          onUseTheirs={() => controller.queue.useTheirs(segmentId)}
        />
      ) : null}

      {notesAtCaret.length > 0 ? (
        <div className="mt-1 flex flex-wrap items-center gap-1 font-sans text-xs">
          <span className="text-stone-600">Here:</span>
          {notesAtCaret.map((annotation) => (
            <button
              key={annotation.id}
              type="button"
              className={`rounded px-1.5 py-0.5 ${ANNOTATION_KIND_STYLES[annotation.kind].badge} hover:underline`}
              onClick={() => callbacks.onOpenAnnotation(annotation.id)}
            >
              {ANNOTATION_KIND_SHORT[annotation.kind]}: {annotation.quote.exact.slice(0, 40)}
              {annotation.quote.exact.length > 40 ? "…" : ""}
            </button>
          ))}
        </div>
      ) : null}

      {isFocused ? (
        <ParagraphToolbar
          controller={controller}
          segment={segment}
          number={number}
          speakers={speakers}
          hasSelection={hasSelection}
          hasMedia={hasMedia}
          onAnnotate={() => {
            const current = selection.get();
            if (current?.segmentId === segmentId) callbacks.onAnnotate(current);
          }}
          onStampTime={() => callbacks.onStampTime(segmentId)}
        />
      ) : null}
    </div>
  );
});
