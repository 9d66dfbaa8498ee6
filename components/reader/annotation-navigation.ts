// Which note the "next" and "previous" shortcuts move to, from the notes' positions on screen: the one after (or
// before) the focused note, or, when no note has focus, the first below (or last above) the top of the window.

/** A press of n/j or p/k that is meant for the reader, not for a field being typed in or a browser shortcut. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

export type ReaderShortcut = "next" | "previous" | "help";

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

export function matchReaderShortcut(event: KeyPress): ReaderShortcut | null {
  if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target;
  if (target && (target.isContentEditable || TYPING_TAGS.has(target.tagName?.toUpperCase() ?? ""))) return null;
  if (event.key === "n" || event.key === "j") return "next";
  if (event.key === "p" || event.key === "k") return "previous";
  if (event.key === "?") return "help";
  return null;
}

/**
 * @param tops each visible note's top edge relative to the window, in page order
 * @param focused the index of the note that has focus, if any
 * @param offset how far below the window's top a note counts as "read" (a sticky player covers the top)
 */
export function targetNoteIndex(
  tops: readonly number[],
  focused: number | null,
  direction: "next" | "previous",
  offset = 0,
): number | null {
  if (tops.length === 0) return null;
  if (focused !== null) {
    const index = focused + (direction === "next" ? 1 : -1);
    return index >= 0 && index < tops.length ? index : null;
  }
  if (direction === "next") {
    const index = tops.findIndex((top) => top > offset + 1);
    return index === -1 ? null : index;
  }
  const index = tops.findLastIndex((top) => top < offset - 1);
  return index === -1 ? null : index;
}
