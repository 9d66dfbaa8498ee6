// The editor's keyboard shortcuts: one matcher for the paragraph and the page, and one list for the shortcut sheet,
// so the sheet cannot drift from what the keys do. Alt combinations match the physical key (`code`), because
// Option on a Mac turns `key` into another character.

export type ShortcutAction =
  | { type: "undo" }
  | { type: "redo" }
  | { type: "find" }
  | { type: "save" }
  | { type: "help" }
  | { type: "escape" }
  | { type: "split" }
  | { type: "backspace" }
  | { type: "insertAfter" }
  | { type: "moveUp" }
  | { type: "moveDown" }
  | { type: "delete" }
  | { type: "annotate" }
  | { type: "stampTime" }
  | { type: "previousParagraph" }
  | { type: "nextParagraph" }
  | { type: "speaker"; index: number };

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

export function matchShortcut(event: KeyLike): ShortcutAction | null {
  if (event.isComposing) return null;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && !event.altKey) {
    if (key === "z") return event.shiftKey ? { type: "redo" } : { type: "undo" };
    if (key === "y" && !event.shiftKey) return { type: "redo" };
    if (key === "f" && !event.shiftKey) return { type: "find" };
    if (key === "h" && event.ctrlKey && !event.shiftKey) return { type: "find" };
    if (key === "s" && !event.shiftKey) return { type: "save" };
    return null;
  }
  if (event.altKey && !mod) {
    if (event.code === "ArrowUp") return { type: "moveUp" };
    if (event.code === "ArrowDown") return { type: "moveDown" };
    if (event.code === "KeyA" && !event.shiftKey) return { type: "annotate" };
    if (event.code === "KeyT" && !event.shiftKey) return { type: "stampTime" };
    if (event.code === "KeyD" && event.shiftKey) return { type: "delete" };
    if ((event.code === "Enter" || event.code === "NumpadEnter") && !event.shiftKey) return { type: "insertAfter" };
    const digit = /^Digit([0-9])$/.exec(event.code);
    if (digit && !event.shiftKey) return { type: "speaker", index: Number(digit[1]) };
    return null;
  }
  if (mod || event.altKey) return null;
  if (event.key === "Escape") return { type: "escape" };
  if (event.key === "?") return { type: "help" };
  if (event.key === "Enter") return { type: "split" };
  if (event.key === "Backspace" && !event.shiftKey) return { type: "backspace" };
  if (event.key === "ArrowUp" && !event.shiftKey) return { type: "previousParagraph" };
  if (event.key === "ArrowDown" && !event.shiftKey) return { type: "nextParagraph" };
  return null;
}

export interface ShortcutHelp {
  keys: string[][];
  description: string;
}

export const SHORTCUT_GROUPS: { title: string; shortcuts: ShortcutHelp[] }[] = [
  {
    title: "Writing",
    shortcuts: [
      { keys: [["Enter"]], description: "Split the paragraph at the cursor" },
      { keys: [["Backspace"]], description: "At the start of a paragraph: join it to the one before" },
      { keys: [["Alt", "Enter"]], description: "New empty paragraph after this one" },
      { keys: [["Alt", "↑"]], description: "Move the paragraph up" },
      { keys: [["Alt", "↓"]], description: "Move the paragraph down" },
      { keys: [["Alt", "Shift", "D"]], description: "Delete the paragraph (it can be restored)" },
      { keys: [["↑"], ["↓"]], description: "At the start or end of a paragraph: go to the one before or after" },
      { keys: [["Ctrl", "S"]], description: "Save now (the editor also saves as you type)" },
    ],
  },
  {
    title: "Undo",
    shortcuts: [
      { keys: [["Ctrl", "Z"]], description: "Undo the last saved change" },
      {
        keys: [
          ["Ctrl", "Shift", "Z"],
          ["Ctrl", "Y"],
        ],
        description: "Redo",
      },
    ],
  },
  {
    title: "Speakers, timings and notes",
    shortcuts: [
      { keys: [["Alt", "1…9"]], description: "Give the paragraph the first to ninth speaker in the list" },
      { keys: [["Alt", "0"]], description: "Mark the paragraph unattributed" },
      { keys: [["Alt", "T"]], description: "Set the paragraph's start to the player's current time" },
      { keys: [["Alt", "A"]], description: "Annotate the selected words" },
    ],
  },
  {
    title: "Finding and help",
    shortcuts: [
      {
        keys: [
          ["Ctrl", "F"],
          ["Ctrl", "H"],
        ],
        description: "Find and replace",
      },
      { keys: [["?"]], description: "This list (when not typing)" },
      { keys: [["Esc"]], description: "Close a dialog, a panel or paragraph selection" },
    ],
  },
];
