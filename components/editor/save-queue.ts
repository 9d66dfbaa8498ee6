// Autosave: each paragraph's text is saved on its own, ~700 ms after the last keystroke (or at once on blur),
// naming the version it was typed on. Unsaved text is kept on the device until the server has it; a lost
// connection retries; a conflict stops that paragraph's autosave until someone chooses a version.

import type { EditorAnnotation, EditorSegment } from "@/lib/editor/types";
import type { LocalEditStore } from "./local-edits";
import type { SegmentConflict, SegmentStore } from "./segment-store";

export type SaveOutcome =
  | { kind: "saved"; segment: EditorSegment; annotations: EditorAnnotation[]; revision: number }
  | { kind: "conflict"; current: SegmentConflict }
  | { kind: "offline"; message: string }
  | { kind: "failed"; status: number; message: string };

export type SaveStatus =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "offline"; count: number }
  | { kind: "error"; message: string; segmentId: string | null };

export interface SavedText {
  segmentId: string;
  /** The server's text before this save, and after it. */
  before: string;
  after: string;
  /** False when the save was an undo or redo, which keep their own history. */
  record: boolean;
  annotations: EditorAnnotation[];
  revision: number;
  /** The paragraph was not loaded (an edit kept from an earlier visit to a later page). */
  isLoaded: boolean;
}

export interface Timers {
  set(callback: () => void, milliseconds: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (callback, milliseconds) => setTimeout(callback, milliseconds),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SaveQueueOptions {
  store: SegmentStore;
  localEdits: LocalEditStore;
  save: (segmentId: string, text: string, baseVersion: number) => Promise<SaveOutcome>;
  onSaved?: (saved: SavedText) => void;
  debounceMs?: number;
  retryMs?: number;
  timers?: Timers;
}

export class SaveQueue {
  private readonly store: SegmentStore;
  private readonly localEdits: LocalEditStore;
  private readonly timers: Timers;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private pending = new Map<string, unknown>();
  private inFlight = new Map<string, Promise<void>>();
  private retryHandle: unknown = null;
  private isOffline = false;
  private status: SaveStatus = { kind: "saved" };
  private listeners = new Set<() => void>();
  private unsubscribeStore: (() => void) | null = null;

  constructor(private readonly options: SaveQueueOptions) {
    this.store = options.store;
    this.localEdits = options.localEdits;
    this.timers = options.timers ?? browserTimers;
    this.debounceMs = options.debounceMs ?? 700;
    this.retryMs = options.retryMs ?? 5000;
    this.start();
  }

  /** Subscribes to the store (again, after stop(): React may mount an effect twice). */
  start(): void {
    if (!this.unsubscribeStore) this.unsubscribeStore = this.store.subscribeAny(() => this.refreshStatus());
    this.refreshStatus();
  }

  /** Clears timers; unsaved text stays in the store and on the device. */
  stop(): void {
    this.pending.forEach((handle) => this.timers.clear(handle));
    this.pending.clear();
    if (this.retryHandle !== null) this.timers.clear(this.retryHandle);
    this.retryHandle = null;
    this.unsubscribeStore?.();
    this.unsubscribeStore = null;
  }

  getStatus = (): SaveStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A keystroke: the draft is kept (memory and device) and its save scheduled. */
  edit(segmentId: string, text: string): void {
    const entry = this.store.setDraft(segmentId, text);
    if (!entry) return;
    if (entry.draft === null) {
      this.localEdits.remove(segmentId);
      this.cancel(segmentId);
    } else {
      this.localEdits.put(segmentId, { text: entry.draft, baseVersion: entry.baseVersion });
      this.schedule(segmentId, this.debounceMs);
    }
    this.refreshStatus();
  }

  /** Saves one paragraph now. Resolves true when it has no unsaved text afterwards. */
  async flush(segmentId: string, options: { record?: boolean } = {}): Promise<boolean> {
    this.cancel(segmentId);
    for (let waiting = this.inFlight.get(segmentId); waiting; waiting = this.inFlight.get(segmentId)) await waiting;
    const entry = this.store.getEntry(segmentId);
    if (!entry) return true;
    if (entry.draft === null) return true;
    if (entry.conflict) return false;
    const saving = this.send(segmentId, entry.draft, entry.baseVersion, entry.segment.text, options.record ?? true);
    this.inFlight.set(segmentId, saving);
    this.refreshStatus();
    try {
      await saving;
    } finally {
      this.inFlight.delete(segmentId);
      this.refreshStatus();
    }
    const after = this.store.getEntry(segmentId);
    return !after || after.draft === null;
  }

  /** Saves every paragraph with unsaved text (the `online` event, the retry timer, before find-and-replace). */
  async flushAll(): Promise<boolean> {
    if (this.retryHandle !== null) this.timers.clear(this.retryHandle);
    this.retryHandle = null;
    const ids = new Set([
      ...Object.keys(this.localEdits.all()),
      ...this.store.entriesWhere((entry) => entry.draft !== null).map((entry) => entry.segment.id),
    ]);
    const results = await Promise.all(
      [...ids].map((id) => (this.store.getEntry(id) ? this.flush(id) : this.saveUnloaded(id))),
    );
    return results.every(Boolean);
  }

  /**
   * Edits kept on this device by an earlier visit: shown as unsaved in their paragraphs and saved. Edits to
   * paragraphs on pages not loaded yet are saved directly; a conflict there waits until the page loads.
   */
  adoptLocalEdits(options: { includeUnloaded: boolean }): void {
    for (const [segmentId, edit] of Object.entries(this.localEdits.all())) {
      const entry = this.store.getEntry(segmentId);
      if (!entry) {
        if (options.includeUnloaded) void this.saveUnloaded(segmentId);
        continue;
      }
      if (entry.draft !== null) {
        // Adopted before (the editor mounted again): make sure it is on its way, not left waiting for a keystroke.
        if (!this.pending.has(segmentId) && !this.inFlight.has(segmentId)) this.schedule(segmentId, 0);
        continue;
      }
      if (edit.text === entry.segment.text) {
        this.localEdits.remove(segmentId);
        continue;
      }
      this.store.updateEntry(segmentId, { draft: edit.text, baseVersion: edit.baseVersion });
      this.schedule(segmentId, 0);
    }
    this.refreshStatus();
  }

  /** "Keep mine": the draft is saved again on top of the colleague's version. */
  keepMine(segmentId: string): Promise<boolean> {
    const entry = this.store.getEntry(segmentId);
    if (!entry?.conflict) return Promise.resolve(entry?.draft === null);
    const theirs = entry.conflict.theirs;
    const draft = entry.draft === theirs.text ? null : entry.draft;
    this.store.updateEntry(segmentId, {
      segment: theirs,
      baseVersion: theirs.version,
      conflict: null,
      draft,
      error: null,
    });
    if (draft === null) this.localEdits.remove(segmentId);
    else this.localEdits.put(segmentId, { text: draft, baseVersion: theirs.version });
    return this.flush(segmentId);
  }

  /** "Use theirs": the draft is dropped for the colleague's version. */
  useTheirs(segmentId: string): void {
    const entry = this.store.getEntry(segmentId);
    if (!entry?.conflict) return;
    const theirs = entry.conflict.theirs;
    this.cancel(segmentId);
    this.store.updateEntry(segmentId, {
      segment: theirs,
      baseVersion: theirs.version,
      conflict: null,
      draft: null,
      error: null,
    });
    this.localEdits.remove(segmentId);
    this.refreshStatus();
  }

  /** Drops a paragraph's unsaved text (it was deleted, say). */
  discard(segmentId: string): void {
    this.cancel(segmentId);
    this.localEdits.remove(segmentId);
    this.refreshStatus();
  }

  hasUnsaved(segmentId: string): boolean {
    const entry = this.store.getEntry(segmentId);
    return Boolean(entry && (entry.draft !== null || entry.isSaving)) || this.pending.has(segmentId);
  }

  private async send(segmentId: string, text: string, baseVersion: number, before: string, record: boolean) {
    this.store.updateEntry(segmentId, { isSaving: true });
    const outcome = await this.options.save(segmentId, text, baseVersion);
    const current = this.store.getEntry(segmentId);
    if (!current) return;
    switch (outcome.kind) {
      case "saved": {
        this.isOffline = false;
        // Typing may have gone on while the save was on its way: that newer text stays a draft on the new version.
        const typedSince = current.draft !== null && current.draft !== text ? current.draft : null;
        const draft = typedSince === outcome.segment.text ? null : typedSince;
        this.store.updateEntry(segmentId, {
          segment: outcome.segment,
          baseVersion: outcome.segment.version,
          draft,
          isSaving: false,
          error: null,
        });
        if (draft === null) this.localEdits.remove(segmentId);
        else {
          this.localEdits.put(segmentId, { text: draft, baseVersion: outcome.segment.version });
          if (!this.pending.has(segmentId)) this.schedule(segmentId, this.debounceMs);
        }
        this.options.onSaved?.({
          segmentId,
          before,
          after: outcome.segment.text,
          record,
          annotations: outcome.annotations,
          revision: outcome.revision,
          isLoaded: true,
        });
        break;
      }
      case "conflict":
        this.cancel(segmentId);
        this.store.updateEntry(segmentId, { isSaving: false, conflict: outcome.current });
        break;
      case "offline":
        this.isOffline = true;
        this.store.updateEntry(segmentId, { isSaving: false });
        this.scheduleRetry();
        break;
      case "failed":
        this.store.updateEntry(segmentId, { isSaving: false, error: outcome.message });
        if (outcome.status >= 500 || outcome.status === 429) this.scheduleRetry();
        break;
    }
  }

  private async saveUnloaded(segmentId: string): Promise<boolean> {
    const edit = this.localEdits.get(segmentId);
    if (!edit) return true;
    const outcome = await this.options.save(segmentId, edit.text, edit.baseVersion);
    if (outcome.kind === "saved") {
      this.isOffline = false;
      if (this.localEdits.get(segmentId)?.text === edit.text) this.localEdits.remove(segmentId);
      this.options.onSaved?.({
        segmentId,
        before: edit.text,
        after: outcome.segment.text,
        record: false,
        annotations: outcome.annotations,
        revision: outcome.revision,
        isLoaded: false,
      });
      this.refreshStatus();
      return true;
    }
    if (outcome.kind === "offline") {
      this.isOffline = true;
      this.scheduleRetry();
    }
    this.refreshStatus();
    return false;
  }

  private schedule(segmentId: string, milliseconds: number): void {
    this.cancel(segmentId);
    if (this.store.getEntry(segmentId)?.conflict) return;
    const handle = this.timers.set(() => {
      this.pending.delete(segmentId);
      void this.flush(segmentId);
    }, milliseconds);
    this.pending.set(segmentId, handle);
  }

  private cancel(segmentId: string): void {
    const handle = this.pending.get(segmentId);
    if (handle === undefined) return;
    this.timers.clear(handle);
    this.pending.delete(segmentId);
  }

  private scheduleRetry(): void {
    if (this.retryHandle !== null) return;
    this.retryHandle = this.timers.set(() => {
      this.retryHandle = null;
      void this.flushAll();
    }, this.retryMs);
  }

  private refreshStatus(): void {
    const next = this.computeStatus();
    if (sameStatus(next, this.status)) return;
    this.status = next;
    this.listeners.forEach((listener) => listener());
  }

  private computeStatus(): SaveStatus {
    const troubled = this.store.entriesWhere((entry) => entry.conflict !== null || entry.error !== null);
    const conflicted = troubled.find((entry) => entry.conflict !== null);
    if (conflicted) {
      const number = this.store.indexOf(conflicted.segment.id) + 1;
      const who = conflicted.conflict?.by?.name ?? "A colleague";
      return {
        kind: "error",
        message: `${who} also changed paragraph ${number}. Choose a version there.`,
        segmentId: conflicted.segment.id,
      };
    }
    const failed = troubled[0];
    if (failed?.error) return { kind: "error", message: failed.error, segmentId: failed.segment.id };
    const unsaved = this.localEdits.count();
    if (this.isOffline && unsaved > 0) return { kind: "offline", count: unsaved };
    if (this.pending.size > 0 || this.inFlight.size > 0 || unsaved > 0) return { kind: "saving" };
    return { kind: "saved" };
  }
}

function sameStatus(left: SaveStatus, right: SaveStatus): boolean {
  if (left.kind !== right.kind) return false;
  if (left.kind === "offline" && right.kind === "offline") return left.count === right.count;
  if (left.kind === "error" && right.kind === "error") {
    return left.message === right.message && left.segmentId === right.segmentId;
  }
  return true;
}

export function describeStatus(status: SaveStatus): string {
  switch (status.kind) {
    case "saved":
      return "Saved";
    case "saving":
      return "Saving…";
    case "offline":
      return `Offline — ${status.count} ${status.count === 1 ? "edit" : "edits"} kept on this device`;
    case "error":
      return `Error: ${status.message}`;
  }
}
