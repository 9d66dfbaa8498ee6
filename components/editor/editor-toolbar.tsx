"use client";

import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import type { EditorController } from "./editor-controller";
import { describeStatus, type SaveStatus } from "./save-queue";

const SAVED: SaveStatus = { kind: "saved" };
const savedOnServer = () => SAVED;

const TOOL_BUTTON =
  "rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium text-ink hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-500";

/** The bar that stays at the top of the text: save status, undo and redo, tools, messages, the player. */
export function EditorToolbar({
  controller,
  isFindOpen,
  isSelectMode,
  onFind,
  onToggleSelectMode,
  onShortcuts,
  children,
}: {
  controller: EditorController;
  isFindOpen: boolean;
  isSelectMode: boolean;
  onFind: () => void;
  onToggleSelectMode: () => void;
  onShortcuts: () => void;
  children?: ReactNode;
}) {
  const history = useSyncExternalStore(
    controller.undo.subscribe,
    controller.undo.getSnapshot,
    controller.undo.getSnapshot,
  );
  return (
    <>
      <div className="sticky top-0 z-20 -mx-2 flex flex-col gap-2 border-b border-stone-200 bg-stone-50/95 px-2 py-2 backdrop-blur supports-[backdrop-filter]:bg-stone-50/85">
        <div className="flex flex-wrap items-center gap-2">
          <SaveStatus controller={controller} />
          <div className="ml-auto flex flex-wrap items-center gap-1">
            <button
              type="button"
              className={TOOL_BUTTON}
              disabled={!history.canUndo}
              onClick={() => void controller.undoLast()}
              title="Ctrl+Z"
              aria-label={history.undoLabel ? `Undo ${history.undoLabel}` : "Undo"}
            >
              Undo
            </button>
            <button
              type="button"
              className={TOOL_BUTTON}
              disabled={!history.canRedo}
              onClick={() => void controller.redoLast()}
              title="Ctrl+Shift+Z"
              aria-label={history.redoLabel ? `Redo ${history.redoLabel}` : "Redo"}
            >
              Redo
            </button>
            <button type="button" className={TOOL_BUTTON} onClick={onFind} aria-pressed={isFindOpen} title="Ctrl+F">
              Find
            </button>
            <button type="button" className={TOOL_BUTTON} onClick={onToggleSelectMode} aria-pressed={isSelectMode}>
              Select paragraphs
            </button>
            <button
              type="button"
              className={TOOL_BUTTON}
              onClick={onShortcuts}
              title="?"
              aria-label="Keyboard shortcuts"
            >
              ?
            </button>
          </div>
        </div>
        {children}
      </div>
      {/* Outside the sticky bar: growing it would cover the text's first line, and its backdrop filter would make it
          the notice's containing block. */}
      <NoticeLine controller={controller} />
    </>
  );
}

function SaveStatus({ controller }: { controller: EditorController }) {
  // Edits kept on this device are unknown to the server's render: hydration starts from "Saved", as the server did.
  const status = useSyncExternalStore(controller.queue.subscribeStatus, controller.queue.getStatus, savedOnServer);
  const text = describeStatus(status);
  const tone =
    status.kind === "error"
      ? "text-red-800"
      : status.kind === "offline"
        ? "text-amber-900"
        : status.kind === "saving"
          ? "text-stone-700"
          : "text-emerald-800";
  return (
    <div className="flex min-w-0 items-center gap-2 text-sm">
      <span
        aria-hidden="true"
        className={`size-2 shrink-0 rounded-full ${status.kind === "saved" ? "bg-emerald-600" : status.kind === "saving" ? "bg-stone-400" : status.kind === "offline" ? "bg-amber-500" : "bg-red-600"}`}
      />
      <span data-testid="editor-status" className={`font-medium ${tone} [overflow-wrap:anywhere]`}>
        {text}
      </span>
      {status.kind === "error" && status.segmentId ? (
        <button
          type="button"
          className="text-xs text-accent underline"
          onClick={() => controller.focusParagraph(status.segmentId!)}
        >
          Show
        </button>
      ) : null}
      {/* Saving and Saved change as one types: only trouble is announced. */}
      <span className="sr-only" role="status" aria-live="polite">
        {status.kind === "offline" || status.kind === "error" ? text : ""}
      </span>
    </div>
  );
}

/**
 * Where messages show: fixed at the bottom of the window, never over the transcript's text. Above the panels' tab
 * bar on phones; from 1024 px over the bottom of the panels' column (the staff shell's max-w-6xl, px-4 page, whose
 * right-hand column is 23rem wide), beside the text rather than on it.
 */
const NOTICE_PLACE =
  "fixed inset-x-2 bottom-16 z-40 lg:inset-x-auto lg:bottom-4 lg:right-[max(1rem,calc((100vw_-_72rem)/2_+_1rem))] lg:w-[23rem]";

function NoticeLine({ controller }: { controller: EditorController }) {
  const notice = useSyncExternalStore(controller.notice.subscribe, controller.notice.get, () => null);
  const [hiddenId, setHiddenId] = useState<number | null>(null);
  useEffect(() => {
    if (!notice || notice.tone === "error") return;
    const timer = setTimeout(() => setHiddenId(notice.id), 8000);
    return () => clearTimeout(timer);
  }, [notice]);
  const isVisible = notice && notice.id !== hiddenId;
  return (
    <div role="status" aria-live="polite" className={isVisible ? NOTICE_PLACE : "sr-only"}>
      {isVisible ? (
        <p
          className={`flex flex-wrap items-center gap-2 rounded-md border px-3 py-2 text-sm shadow-lg ${
            notice.tone === "error"
              ? "border-red-300 bg-red-50 text-red-800"
              : "border-stone-300 bg-white text-stone-800"
          }`}
          data-testid="editor-notice"
        >
          <span className="min-w-0 [overflow-wrap:anywhere]">{notice.text}</span>
          {notice.action ? (
            <button type="button" className="font-medium text-accent underline" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="ml-auto text-xs text-stone-700 hover:text-ink"
            onClick={() => setHiddenId(notice.id)}
            aria-label="Dismiss message"
          >
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  );
}
