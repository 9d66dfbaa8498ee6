"use client";

import { useEffect, useRef } from "react";
import { matchReaderShortcut, targetNoteIndex } from "./annotation-navigation";

const NOTE_SELECTOR = "aside.reader-note";

function visibleNotes(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(NOTE_SELECTOR)].filter((note) => note.getClientRects().length > 0);
}

/**
 * n / j and p / k move focus to the next and previous note; ? opens the list of shortcuts. Keys typed into a field
 * or pressed with a modifier are left alone.
 */
export function ReaderShortcuts({ hasNotes }: { hasNotes: boolean }) {
  const helpRef = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const shortcut = matchReaderShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        isComposing: event.isComposing,
        target: event.target instanceof HTMLElement ? event.target : null,
      });
      if (!shortcut) return;
      if (shortcut === "help") {
        const help = helpRef.current;
        if (!help) return;
        event.preventDefault();
        help.open = true;
        help.querySelector("summary")?.focus();
        return;
      }
      const notes = visibleNotes();
      const active = document.activeElement;
      const focusedIndex = notes.findIndex((note) => note === active || note.contains(active));
      const stickyOffset = document.querySelector<HTMLElement>(".reader-player")?.offsetHeight ?? 0;
      const index = targetNoteIndex(
        notes.map((note) => note.getBoundingClientRect().top),
        focusedIndex === -1 ? null : focusedIndex,
        shortcut,
        stickyOffset,
      );
      if (index === null) return;
      event.preventDefault();
      notes[index]!.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <details ref={helpRef} className="reader-controls font-sans text-sm">
      <summary className="cursor-pointer font-medium text-stone-800 underline underline-offset-2">
        Keyboard shortcuts
      </summary>
      <ul className="mt-2 flex flex-col gap-1 text-stone-700">
        {hasNotes ? (
          <>
            <li>
              <kbd className="rounded border border-stone-400 px-1">n</kbd> or{" "}
              <kbd className="rounded border border-stone-400 px-1">j</kbd>: next note
            </li>
            <li>
              <kbd className="rounded border border-stone-400 px-1">p</kbd> or{" "}
              <kbd className="rounded border border-stone-400 px-1">k</kbd>: previous note
            </li>
          </>
        ) : (
          <li>This transcript has no notes to move between.</li>
        )}
        <li>
          <kbd className="rounded border border-stone-400 px-1">?</kbd>: this list
        </li>
        <li>Each note links back to its words; each highlighted passage links to its note.</li>
      </ul>
    </details>
  );
}
