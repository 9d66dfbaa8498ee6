// The editor's undo history: saved operations, each with the operation that reverses it, applied through the same
// API as any edit. Splitting and merging create paragraphs with new ids, so ids in the history are remapped when
// an undo or redo brings a paragraph back under another id.

export interface Timing {
  startMs: number | null;
  endMs: number | null;
}

export interface TextChange {
  segmentId: string;
  from: string;
  to: string;
}

export interface SpeakerChange {
  segmentId: string;
  from: string | null;
  to: string | null;
}

export type EditOperation =
  /** Expects the paragraph to read `from`, and saves `to`. */
  | { type: "text"; segmentId: string; from: string; to: string }
  | { type: "texts"; changes: TextChange[] }
  | { type: "timing"; segmentId: string; from: Timing; to: Timing }
  | { type: "speaker"; changes: SpeakerChange[] }
  | { type: "move"; segmentId: string; afterSegmentId: string | null }
  | { type: "delete"; segmentId: string }
  | { type: "restore"; segmentId: string }
  /** Splits at `offset`; the second part gets a new id, which replaces `secondId` in the history. */
  | {
      type: "split";
      segmentId: string;
      offset: number;
      secondId: string;
      second?: { speakerId: string | null } & Timing;
    }
  /** Merges the paragraph onto the end of the previous live one. */
  | { type: "merge"; segmentId: string };

export interface UndoEntry {
  label: string;
  /** Does (and redoes) the change. */
  forward: EditOperation;
  /** Reverses it. */
  backward: EditOperation;
}

export function textEntry(segmentId: string, before: string, after: string): UndoEntry {
  return {
    label: "typing",
    forward: { type: "text", segmentId, from: before, to: after },
    backward: { type: "text", segmentId, from: after, to: before },
  };
}

export function replaceEntry(changes: TextChange[]): UndoEntry {
  return {
    label: changes.length === 1 ? "replace" : `replace in ${changes.length} paragraphs`,
    forward: { type: "texts", changes },
    backward: {
      type: "texts",
      changes: changes.map((change) => ({ segmentId: change.segmentId, from: change.to, to: change.from })),
    },
  };
}

export function timingEntry(segmentId: string, before: Timing, after: Timing): UndoEntry {
  return {
    label: "timing",
    forward: { type: "timing", segmentId, from: before, to: after },
    backward: { type: "timing", segmentId, from: after, to: before },
  };
}

export function speakerEntry(changes: SpeakerChange[]): UndoEntry {
  return {
    label: changes.length === 1 ? "speaker change" : `speaker change on ${changes.length} paragraphs`,
    forward: { type: "speaker", changes },
    backward: {
      type: "speaker",
      changes: changes.map((change) => ({ segmentId: change.segmentId, from: change.to, to: change.from })),
    },
  };
}

export function moveEntry(segmentId: string, fromAfter: string | null, toAfter: string | null): UndoEntry {
  return {
    label: "move",
    forward: { type: "move", segmentId, afterSegmentId: toAfter },
    backward: { type: "move", segmentId, afterSegmentId: fromAfter },
  };
}

export function deleteEntry(segmentId: string): UndoEntry {
  return {
    label: "delete",
    forward: { type: "delete", segmentId },
    backward: { type: "restore", segmentId },
  };
}

/** A new paragraph: undo deletes it (softly), redo restores the same paragraph. */
export function insertEntry(segmentId: string): UndoEntry {
  return {
    label: "new paragraph",
    forward: { type: "restore", segmentId },
    backward: { type: "delete", segmentId },
  };
}

export function splitEntry(segmentId: string, offset: number, secondId: string): UndoEntry {
  return {
    label: "split",
    forward: { type: "split", segmentId, offset, secondId },
    backward: { type: "merge", segmentId: secondId },
  };
}

/**
 * `removed` is the paragraph merged onto `previousId` at `offset`: undo splits there and gives the second part
 * back its speaker and timings.
 */
export function mergeEntry(
  previousId: string,
  offset: number,
  removed: { id: string; speakerId: string | null } & Timing,
): UndoEntry {
  return {
    label: "merge",
    forward: { type: "merge", segmentId: removed.id },
    backward: {
      type: "split",
      segmentId: previousId,
      offset,
      secondId: removed.id,
      second: { speakerId: removed.speakerId, startMs: removed.startMs, endMs: removed.endMs },
    },
  };
}

export function remapOperation(operation: EditOperation, oldId: string, newId: string): EditOperation {
  const swap = (id: string) => (id === oldId ? newId : id);
  switch (operation.type) {
    case "texts":
    case "speaker":
      return {
        ...operation,
        changes: operation.changes.map((change) => ({ ...change, segmentId: swap(change.segmentId) })),
      } as EditOperation;
    case "move":
      return {
        ...operation,
        segmentId: swap(operation.segmentId),
        afterSegmentId: operation.afterSegmentId === null ? null : swap(operation.afterSegmentId),
      };
    case "split":
      return { ...operation, segmentId: swap(operation.segmentId), secondId: swap(operation.secondId) };
    default:
      return { ...operation, segmentId: swap(operation.segmentId) };
  }
}

export interface UndoSnapshot {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export class UndoStack {
  private undoEntries: UndoEntry[] = [];
  private redoEntries: UndoEntry[] = [];
  private listeners = new Set<() => void>();
  private snapshot: UndoSnapshot = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

  constructor(private readonly limit = 200) {}

  /** A new change: it can be undone, and whatever was undone before can no longer be redone. */
  push(entry: UndoEntry): void {
    this.undoEntries.push(entry);
    if (this.undoEntries.length > this.limit) this.undoEntries.shift();
    this.redoEntries = [];
    this.changed();
  }

  nextUndo(): UndoEntry | undefined {
    return this.undoEntries.at(-1);
  }

  nextRedo(): UndoEntry | undefined {
    return this.redoEntries.at(-1);
  }

  /** Call after `entry.backward` was applied. */
  markUndone(entry: UndoEntry): void {
    if (this.undoEntries.at(-1) !== entry) return;
    this.undoEntries.pop();
    this.redoEntries.push(entry);
    this.changed();
  }

  /** Call after `entry.forward` was applied again. */
  markRedone(entry: UndoEntry): void {
    if (this.redoEntries.at(-1) !== entry) return;
    this.redoEntries.pop();
    this.undoEntries.push(entry);
    this.changed();
  }

  /** An entry that can no longer be applied (the paragraph changed since): it leaves the history. */
  discard(entry: UndoEntry): void {
    const before = this.undoEntries.length + this.redoEntries.length;
    this.undoEntries = this.undoEntries.filter((candidate) => candidate !== entry);
    this.redoEntries = this.redoEntries.filter((candidate) => candidate !== entry);
    if (this.undoEntries.length + this.redoEntries.length !== before) this.changed();
  }

  /** A paragraph came back under a new id: every entry that names the old one now names the new one. */
  remap(oldId: string, newId: string): void {
    if (oldId === newId) return;
    const remapEntry = (entry: UndoEntry) => {
      entry.forward = remapOperation(entry.forward, oldId, newId);
      entry.backward = remapOperation(entry.backward, oldId, newId);
    };
    this.undoEntries.forEach(remapEntry);
    this.redoEntries.forEach(remapEntry);
  }

  clear(): void {
    this.undoEntries = [];
    this.redoEntries = [];
    this.changed();
  }

  getSnapshot = (): UndoSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.snapshot = {
      canUndo: this.undoEntries.length > 0,
      canRedo: this.redoEntries.length > 0,
      undoLabel: this.undoEntries.at(-1)?.label ?? null,
      redoLabel: this.redoEntries.at(-1)?.label ?? null,
    };
    this.listeners.forEach((listener) => listener());
  }
}
