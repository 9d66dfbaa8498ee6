// The paragraphs the editor holds, outside React: each paragraph subscribes to its own entry, so a keystroke
// re-renders that paragraph and nothing else. The list subscribes to the structure (order, speakers, deletions).

import type { EditorSegment, PersonRef } from "@/lib/editor/types";

export interface SegmentConflict {
  /** The server's paragraph when our save was refused. */
  theirs: EditorSegment;
  by: PersonRef | null;
  at: string | null;
}

export interface SegmentEntry {
  /** The paragraph as the server last answered it. */
  readonly segment: EditorSegment;
  /** Text typed here and not yet saved; null when the paragraph shows the server's text. */
  readonly draft: string | null;
  /** The version the draft was typed on: a save names it, so a colleague's newer save is never overwritten. */
  readonly baseVersion: number;
  readonly isSaving: boolean;
  readonly conflict: SegmentConflict | null;
  readonly error: string | null;
}

/** A deleted paragraph as the "Deleted paragraphs" list shows it. */
export interface DeletedParagraph {
  id: string;
  text: string;
  deletedAt: string | null;
}

export interface StructureSnapshot {
  /** Ids of the loaded live paragraphs, in reading order. */
  readonly order: readonly string[];
  /** Recently deleted paragraphs, newest first. */
  readonly deleted: readonly DeletedParagraph[];
  /** Live paragraphs in the whole transcript; more than order.length while pages are still to load. */
  readonly totalCount: number;
  readonly version: number;
}

export interface RemoteChanges {
  segments: EditorSegment[];
  deletedSegmentIds: string[];
  /**
   * Live paragraphs in the whole transcript now. With it, a changed paragraph beyond the loaded part is known not to
   * be a new one (its page brings it); without it, every unknown paragraph counts as added.
   */
  segmentCount?: number;
}

export function entryText(entry: SegmentEntry): string {
  return entry.draft ?? entry.segment.text;
}

function newEntry(segment: EditorSegment): SegmentEntry {
  return { segment, draft: null, baseVersion: segment.version, isSaving: false, conflict: null, error: null };
}

export class SegmentStore {
  private entries = new Map<string, SegmentEntry>();
  private structure: StructureSnapshot;
  private indexById: Map<string, number> | null = null;
  private entryListeners = new Map<string, Set<() => void>>();
  private structureListeners = new Set<() => void>();
  private anyListeners = new Set<() => void>();

  constructor(segments: readonly EditorSegment[], totalCount: number, deleted: readonly DeletedParagraph[] = []) {
    const order: string[] = [];
    for (const segment of segments) {
      if (this.entries.has(segment.id)) continue;
      this.entries.set(segment.id, newEntry(segment));
      order.push(segment.id);
    }
    this.structure = { order, deleted, totalCount: Math.max(totalCount, order.length), version: 0 };
  }

  // Reading

  getEntry = (id: string): SegmentEntry | undefined => this.entries.get(id);

  getStructure = (): StructureSnapshot => this.structure;

  indexOf(id: string): number {
    if (!this.indexById) this.indexById = new Map(this.structure.order.map((segmentId, index) => [segmentId, index]));
    return this.indexById.get(id) ?? -1;
  }

  idAt(index: number): string | undefined {
    return this.structure.order[index];
  }

  previousId(id: string): string | null {
    const index = this.indexOf(id);
    return index > 0 ? (this.structure.order[index - 1] ?? null) : null;
  }

  nextId(id: string): string | null {
    const index = this.indexOf(id);
    return index >= 0 ? (this.structure.order[index + 1] ?? null) : null;
  }

  entriesWhere(predicate: (entry: SegmentEntry) => boolean): SegmentEntry[] {
    const found: SegmentEntry[] = [];
    for (const entry of this.entries.values()) if (predicate(entry)) found.push(entry);
    return found;
  }

  // Subscriptions (shaped for useSyncExternalStore)

  subscribeEntry(id: string, listener: () => void): () => void {
    let listeners = this.entryListeners.get(id);
    if (!listeners) {
      listeners = new Set();
      this.entryListeners.set(id, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.entryListeners.delete(id);
    };
  }

  subscribeStructure = (listener: () => void): (() => void) => {
    this.structureListeners.add(listener);
    return () => this.structureListeners.delete(listener);
  };

  /** Every change to any entry or to the structure. */
  subscribeAny = (listener: () => void): (() => void) => {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  };

  // Writing

  updateEntry(id: string, patch: Partial<SegmentEntry>): SegmentEntry | undefined {
    const current = this.entries.get(id);
    if (!current) return undefined;
    const next: SegmentEntry = { ...current, ...patch };
    this.entries.set(id, next);
    const speakerChanged = next.segment.speakerId !== current.segment.speakerId;
    this.emitEntry(id);
    if (speakerChanged) this.changeStructure({});
    else this.emitAny();
    return next;
  }

  /** What the person typed: a draft, unless it reads exactly as the server's text again. */
  setDraft(id: string, text: string): SegmentEntry | undefined {
    const current = this.entries.get(id);
    if (!current) return undefined;
    const draft = text === current.segment.text && !current.conflict ? null : text;
    if (draft === current.draft) return current;
    return this.updateEntry(id, { draft, error: null });
  }

  /**
   * A paragraph the server answered for our own change. A draft stays; if it was typed on the version this change
   * replaced, it now counts as typed on the new one (the change did not touch the words it holds).
   */
  acceptOwnChange(segment: EditorSegment): void {
    const current = this.entries.get(segment.id);
    if (!current) return;
    const followsDraft = current.draft === null || current.baseVersion === current.segment.version;
    this.updateEntry(segment.id, {
      segment,
      baseVersion: followsDraft ? segment.version : current.baseVersion,
    });
  }

  /** Adds a paragraph after another (null: first). Returns false when it is already here. */
  insertAfter(afterId: string | null, segment: EditorSegment): boolean {
    if (this.entries.has(segment.id)) return false;
    const index = afterId === null ? 0 : this.indexOf(afterId) + 1;
    if (afterId !== null && index === 0) return false;
    this.insertAtIndex(index, segment);
    return true;
  }

  /**
   * Adds a paragraph at the index the server reports, when that index is among the loaded paragraphs. Beyond them,
   * a page brings it later: it is counted unless `isNew` is false (a changed paragraph not loaded yet).
   */
  insertAtPosition(segment: EditorSegment, { isNew = true }: { isNew?: boolean } = {}): boolean {
    if (this.entries.has(segment.id)) return false;
    const { order, totalCount } = this.structure;
    const everythingLoaded = order.length >= totalCount;
    if (segment.position > order.length || (segment.position === order.length && !everythingLoaded)) {
      if (isNew) this.changeStructure({ totalCount: totalCount + 1 });
      return false;
    }
    this.insertAtIndex(Math.max(0, segment.position), segment);
    return true;
  }

  private insertAtIndex(index: number, segment: EditorSegment): void {
    this.entries.set(segment.id, newEntry(segment));
    const order = [...this.structure.order];
    order.splice(index, 0, segment.id);
    this.changeStructure({
      order,
      totalCount: this.structure.totalCount + 1,
      deleted: this.structure.deleted.filter((deleted) => deleted.id !== segment.id),
    });
  }

  /** Takes a paragraph out of the text; `deleted` (its last state) goes to the deleted list. */
  remove(id: string, deleted?: EditorSegment): void {
    const index = this.indexOf(id);
    if (index < 0) return;
    const order = [...this.structure.order];
    order.splice(index, 1);
    this.entries.delete(id);
    this.changeStructure({
      order,
      totalCount: Math.max(order.length, this.structure.totalCount - 1),
      deleted: deleted
        ? [
            { id, text: deleted.text, deletedAt: new Date().toISOString() },
            ...this.structure.deleted.filter((segment) => segment.id !== id),
          ]
        : this.structure.deleted,
    });
    this.emitEntry(id);
  }

  moveAfter(id: string, afterId: string | null): void {
    const index = this.indexOf(id);
    if (index < 0 || id === afterId) return;
    const order = this.structure.order.filter((segmentId) => segmentId !== id);
    const target = afterId === null ? 0 : order.indexOf(afterId) + 1;
    if (afterId !== null && target === 0) return;
    order.splice(target, 0, id);
    this.changeStructure({ order });
  }

  /** A further page of paragraphs from GET ?from=&take=. */
  appendPage(segments: readonly EditorSegment[], totalCount: number): void {
    const order = [...this.structure.order];
    for (const segment of segments) {
      if (this.entries.has(segment.id)) continue;
      this.entries.set(segment.id, newEntry(segment));
      order.push(segment.id);
    }
    this.changeStructure({ order, totalCount: Math.max(totalCount, order.length) });
  }

  /**
   * Colleagues' saves, from the presence heartbeat. Paragraphs with unsaved text here are left alone: their save
   * names the old version and gets a conflict to resolve, rather than the colleague's words silently replacing ours.
   * Answers the ids whose server state changed.
   */
  applyRemote(changes: RemoteChanges): string[] {
    const changed: string[] = [];
    const incoming = [...changes.segments].sort((a, b) => a.position - b.position);
    for (const segment of incoming) {
      const current = this.entries.get(segment.id);
      if (!current) {
        if (this.insertAtPosition(segment, { isNew: changes.segmentCount === undefined })) changed.push(segment.id);
        continue;
      }
      if (current.draft !== null || current.isSaving) {
        if (current.conflict && segment.version > current.conflict.theirs.version) {
          this.updateEntry(segment.id, {
            conflict: { theirs: segment, by: segment.updatedBy, at: segment.updatedAt },
          });
        }
        continue;
      }
      if (segment.version < current.segment.version) continue;
      if (segment.version > current.segment.version || !sameSegment(segment, current.segment)) {
        this.updateEntry(segment.id, { segment, baseVersion: segment.version, error: null });
        changed.push(segment.id);
      }
      if (this.indexOf(segment.id) !== segment.position && segment.position < this.structure.order.length) {
        const order = this.structure.order.filter((id) => id !== segment.id);
        order.splice(segment.position, 0, segment.id);
        this.changeStructure({ order });
      }
    }
    for (const id of changes.deletedSegmentIds) {
      const current = this.entries.get(id);
      if (!current) continue;
      if (current.draft !== null) {
        this.updateEntry(id, { error: "A colleague deleted this paragraph. Copy your text before you leave." });
        continue;
      }
      this.remove(id, current.segment);
      changed.push(id);
    }
    const { order, totalCount } = this.structure;
    if (changes.segmentCount !== undefined && Math.max(changes.segmentCount, order.length) !== totalCount) {
      this.changeStructure({ totalCount: Math.max(changes.segmentCount, order.length) });
    }
    return changed;
  }

  /** Forgets a paragraph from the deleted list (it was restored elsewhere, or the list is cleared). */
  forgetDeleted(id: string): void {
    if (!this.structure.deleted.some((segment) => segment.id === id)) return;
    this.changeStructure({ deleted: this.structure.deleted.filter((segment) => segment.id !== id) });
  }

  private changeStructure(patch: Partial<Omit<StructureSnapshot, "version">>): void {
    if (patch.order) this.indexById = null;
    this.structure = { ...this.structure, ...patch, version: this.structure.version + 1 };
    this.structureListeners.forEach((listener) => listener());
    this.emitAny();
  }

  private emitEntry(id: string): void {
    this.entryListeners.get(id)?.forEach((listener) => listener());
  }

  private emitAny(): void {
    this.anyListeners.forEach((listener) => listener());
  }
}

function sameSegment(left: EditorSegment, right: EditorSegment): boolean {
  return (
    left.text === right.text &&
    left.speakerId === right.speakerId &&
    left.startMs === right.startMs &&
    left.endMs === right.endMs &&
    left.version === right.version
  );
}
