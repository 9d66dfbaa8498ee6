// Everything the editor does to paragraphs, outside React: autosave, split, merge, insert, delete, move, speakers,
// timings, find-and-replace and undo/redo, each through the API and recorded with its inverse. Components call
// these methods; React state only holds what changes rarely (speakers, entities, details).

import type {
  EditorAnnotation,
  EditorBootstrap,
  EditorReviewMention,
  EditorSegment,
  EditorSpeaker,
} from "@/lib/editor/types";
import { FIRST_PAGE, MAX_PAGE } from "@/lib/editor/paging";
import { readSegmentConflict, type ApiFailure, type EditorApi, type ReplaceRequest } from "./api";
import { AnnotationStore } from "./annotation-store";
import { LocalEditStore, type KeyValueStorage } from "./local-edits";
import { SaveQueue, type SaveOutcome } from "./save-queue";
import { SegmentStore, entryText } from "./segment-store";
import {
  UndoStack,
  deleteEntry,
  insertEntry,
  mergeEntry,
  moveEntry,
  replaceEntry,
  speakerEntry,
  splitEntry,
  textEntry,
  timingEntry,
  type EditOperation,
  type SpeakerChange,
  type TextChange,
  type Timing,
  type UndoEntry,
} from "./undo-stack";
import { createValueStore, sameSelection, type TextSelection, type ValueStore } from "./value-store";

export const PAGE_SIZE = FIRST_PAGE;

export interface Notice {
  id: number;
  text: string;
  tone: "info" | "error";
  /** An action offered with the notice, such as undoing a deletion. */
  action?: { label: string; run: () => void };
}

interface FocusRequest {
  segmentId: string;
  start: number;
  end: number;
}

/** A place found by the server (a find-and-replace match), perhaps in a paragraph not loaded yet. */
export interface ParagraphPlace {
  segmentId: string;
  /** 0-based index among the live paragraphs when the server looked. */
  position: number;
  start?: number;
  end?: number;
}

type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; message: string; permanent?: boolean };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = (message: string, permanent = false): Outcome<never> => ({ ok: false, message, permanent });

export interface EditorControllerOptions {
  bootstrap: EditorBootstrap;
  api: EditorApi;
  storage: KeyValueStorage | null;
  onSpeakers: (speakers: EditorSpeaker[]) => void;
}

export class EditorController {
  readonly store: SegmentStore;
  readonly annotations: AnnotationStore;
  readonly undo = new UndoStack();
  readonly queue: SaveQueue;
  readonly localEdits: LocalEditStore;
  /** The words last selected in a paragraph; null while the caret is collapsed. */
  readonly selection: ValueStore<TextSelection | null> = createValueStore<TextSelection | null>(null, sameSelection);
  /** The paragraph holding focus, for presence and to keep it mounted while scrolled away. */
  readonly focused: ValueStore<string | null> = createValueStore<string | null>(null);
  readonly notice: ValueStore<Notice | null> = createValueStore<Notice | null>(null);
  readonly isLoadingMore: ValueStore<boolean> = createValueStore(false);
  /** Entity mentions an edit moved or cut, waiting for a person (refreshed by every heartbeat that has changes). */
  readonly reviewMentions: ValueStore<EditorReviewMention[]>;

  private scroller: (index: number) => void = () => undefined;
  private syncer: () => void = () => undefined;

  private textareas = new Map<string, HTMLTextAreaElement>();
  private pendingFocus: FocusRequest | null = null;
  private isApplyingHistory = false;
  /** The page of paragraphs on its way, if any: one at a time, so two loads never append the same range. */
  private pageLoad: Promise<boolean> | null = null;
  private noticeCount = 0;
  private speakers: EditorSpeaker[];

  constructor(private readonly options: EditorControllerOptions) {
    const { bootstrap, api } = options;
    this.store = new SegmentStore(
      bootstrap.segments,
      bootstrap.transcript.segmentCount,
      (bootstrap.deletedSegments ?? []).map((segment) => ({ ...segment, deletedAt: segment.deletedAt ?? null })),
    );
    this.annotations = new AnnotationStore(bootstrap.annotations);
    this.reviewMentions = createValueStore(bootstrap.mentionsNeedingReview ?? []);
    this.localEdits = new LocalEditStore(bootstrap.transcript.id, options.storage);
    this.speakers = bootstrap.speakers;
    this.queue = new SaveQueue({
      store: this.store,
      localEdits: this.localEdits,
      save: async (segmentId, text, baseVersion) =>
        toSaveOutcome(await api.patchSegment(segmentId, { text, baseVersion })),
      onSaved: (saved) => {
        this.annotations.upsert(saved.annotations);
        if (saved.record && saved.isLoaded && saved.before !== saved.after) {
          this.undo.push(textEntry(saved.segmentId, saved.before, saved.after));
        }
        // Colleagues' saves are fetched now rather than at the next heartbeat: the sooner this page has them, the
        // fewer edits start from an old version and end in a conflict.
        this.syncNow();
      },
    });
  }

  get api(): EditorApi {
    return this.options.api;
  }

  /** The paragraph list brings an index into view (so its paragraph mounts) with this. Answers the unbinding. */
  bindScroller(scroller: (index: number) => void): () => void {
    this.scroller = scroller;
    return () => {
      if (this.scroller === scroller) this.scroller = () => undefined;
    };
  }

  scrollToIndex(index: number): void {
    this.scroller(index);
  }

  /** The presence heartbeat offers to ask the server for changes now rather than in up to 5 s. */
  bindSync(syncer: () => void): () => void {
    this.syncer = syncer;
    return () => {
      if (this.syncer === syncer) this.syncer = () => undefined;
    };
  }

  syncNow(): void {
    this.syncer();
  }

  setSpeakersSnapshot(speakers: EditorSpeaker[]): void {
    this.speakers = speakers;
  }

  // Notices

  say(text: string, tone: Notice["tone"] = "info", action?: Notice["action"]): void {
    this.noticeCount += 1;
    this.notice.set({ id: this.noticeCount, text, tone, action });
  }

  private sayFailure(failure: { message: string }): void {
    this.say(failure.message, "error");
  }

  // Focus

  registerTextarea(segmentId: string, element: HTMLTextAreaElement | null): void {
    if (element) {
      this.textareas.set(segmentId, element);
      const pending = this.pendingFocus;
      if (pending?.segmentId === segmentId) {
        this.pendingFocus = null;
        focusRange(element, pending.start, pending.end);
        const { start, end } = pending;
        this.selection.set(start === end ? null : { segmentId, start, end, text: element.value.slice(start, end) });
      }
    } else {
      this.textareas.delete(segmentId);
    }
  }

  /**
   * Focuses a paragraph the server named, wherever it is in the transcript: paragraphs up to it are paged in first
   * when it is beyond what is loaded. Answers whether it could be shown.
   */
  async revealParagraph(place: ParagraphPlace): Promise<boolean> {
    if (this.store.indexOf(place.segmentId) < 0) {
      await this.loadThrough(place.position);
      // Paragraphs inserted above it since the server looked push it down: one page more finds it.
      if (this.store.indexOf(place.segmentId) < 0) await this.loadThrough(this.store.getStructure().order.length);
    }
    if (this.store.indexOf(place.segmentId) < 0) {
      this.say("That paragraph is no longer in the transcript. Preview again to see where the words are now.", "error");
      return false;
    }
    this.focusParagraph(place.segmentId, place.start, place.end);
    return true;
  }

  /** Focuses a paragraph (scrolling it into the virtual list first if needed) and selects a range in it. */
  focusParagraph(segmentId: string, start?: number, end?: number): void {
    const element = this.textareas.get(segmentId);
    const index = this.store.indexOf(segmentId);
    if (index < 0) {
      this.say("That paragraph is not loaded yet. Scroll down to load more of the transcript.", "error");
      return;
    }
    const length = entryText(this.store.getEntry(segmentId)!).length;
    const from = Math.min(start ?? length, length);
    const to = Math.min(end ?? from, length);
    if (element) {
      focusRange(element, from, to);
      // A range selected from code fires no select event React hears: tell the selection store ourselves.
      this.selection.set(from === to ? null : { segmentId, start: from, end: to, text: element.value.slice(from, to) });
      return;
    }
    this.pendingFocus = { segmentId, start: from, end: to };
    this.scrollToIndex(index);
  }

  // Typing

  edit = (segmentId: string, text: string): void => {
    this.queue.edit(segmentId, text);
  };

  saveNow = (segmentId: string): void => {
    void this.queue.flush(segmentId);
  };

  /** Saves the paragraphs first; structural changes work on what the server holds. */
  private async ensureSaved(segmentIds: string[]): Promise<Outcome> {
    for (const id of segmentIds) {
      const entry = this.store.getEntry(id);
      if (!entry) return fail("That paragraph is no longer here.", true);
      if (entry.conflict) return fail("Resolve the conflict in this paragraph first.");
      if (!this.queue.hasUnsaved(id)) continue;
      const isSaved = await this.queue.flush(id);
      if (!isSaved) {
        return fail("This paragraph's text is not saved yet (offline or refused). Try again once it is saved.");
      }
    }
    return ok(undefined);
  }

  // Operations as the person asks for them: each applies, then is recorded for undo.

  async split(segmentId: string, offset: number): Promise<void> {
    const result = await this.applySplit(segmentId, offset);
    if (!result.ok) return this.sayFailure(result);
    this.record(splitEntry(segmentId, offset, result.value));
    this.focusParagraph(result.value, 0, 0);
  }

  async mergeWithPrevious(segmentId: string): Promise<void> {
    const previousId = this.store.previousId(segmentId);
    if (!previousId) return;
    const removed = this.store.getEntry(segmentId)?.segment;
    const result = await this.applyMerge(segmentId);
    if (!result.ok || !removed) return result.ok ? undefined : this.sayFailure(result);
    this.record(mergeEntry(previousId, result.value.offset, removed));
    this.focusParagraph(previousId, result.value.offset, result.value.offset);
  }

  async insertAfter(afterId: string | null): Promise<void> {
    const speakerId = afterId ? (this.store.getEntry(afterId)?.segment.speakerId ?? null) : null;
    const response = await this.api.insertSegment(afterId, "", speakerId);
    if (!response.ok) return this.sayFailure(response);
    const segment = response.body.segment;
    if (!this.store.insertAfter(afterId, segment)) this.store.insertAtPosition(segment);
    this.record(insertEntry(segment.id));
    this.focusParagraph(segment.id, 0, 0);
  }

  async deleteParagraph(segmentId: string): Promise<void> {
    const nextFocus = this.store.nextId(segmentId) ?? this.store.previousId(segmentId);
    const number = this.store.indexOf(segmentId) + 1;
    const result = await this.applyDelete(segmentId);
    if (!result.ok) return this.sayFailure(result);
    const entry = deleteEntry(segmentId);
    this.record(entry);
    this.say(`Paragraph ${number} deleted.`, "info", { label: "Undo", run: () => void this.undoLast() });
    if (nextFocus) this.focusParagraph(nextFocus, 0, 0);
  }

  async restoreParagraph(segmentId: string): Promise<void> {
    const result = await this.applyRestore(segmentId);
    if (!result.ok) return this.sayFailure(result);
    this.record({ label: "restore", forward: { type: "restore", segmentId }, backward: { type: "delete", segmentId } });
    if (this.store.indexOf(segmentId) >= 0) this.focusParagraph(segmentId, 0, 0);
    else this.say("Paragraph restored further down the transcript.");
  }

  async move(segmentId: string, direction: -1 | 1): Promise<void> {
    const index = this.store.indexOf(segmentId);
    if (index < 0) return;
    const fromAfter = this.store.previousId(segmentId);
    let toAfter: string | null;
    if (direction < 0) {
      if (index === 0) return;
      toAfter = index >= 2 ? (this.store.idAt(index - 2) ?? null) : null;
    } else {
      const next = this.store.idAt(index + 1);
      if (!next) return;
      toAfter = next;
    }
    const result = await this.applyMove(segmentId, toAfter);
    if (!result.ok) return this.sayFailure(result);
    this.record(moveEntry(segmentId, fromAfter, toAfter));
    const element = this.textareas.get(segmentId);
    this.focusParagraph(segmentId, element?.selectionStart, element?.selectionEnd);
  }

  async setSpeaker(segmentIds: string[], speakerId: string | null): Promise<boolean> {
    const changes: SpeakerChange[] = segmentIds.flatMap((segmentId) => {
      const from = this.store.getEntry(segmentId)?.segment.speakerId ?? null;
      return from === speakerId ? [] : [{ segmentId, from, to: speakerId }];
    });
    if (changes.length === 0) return true;
    const result = await this.applySpeakers(changes);
    if (!result.ok) {
      this.sayFailure(result);
      return false;
    }
    this.record(speakerEntry(changes));
    return true;
  }

  /** Alt+digit: the nth speaker of the list (0: unattributed). */
  async setSpeakerByNumber(segmentId: string, number: number): Promise<void> {
    if (number === 0) return void this.setSpeaker([segmentId], null);
    const speaker = this.speakers[number - 1];
    if (!speaker) return this.say(`There is no speaker ${number}. The Speakers panel lists them in order.`, "error");
    await this.setSpeaker([segmentId], speaker.id);
  }

  async setTiming(segmentId: string, timing: Timing): Promise<boolean> {
    const entry = this.store.getEntry(segmentId);
    if (!entry) return false;
    const before = { startMs: entry.segment.startMs, endMs: entry.segment.endMs };
    if (before.startMs === timing.startMs && before.endMs === timing.endMs) return true;
    const result = await this.applyTiming(segmentId, timing);
    if (!result.ok) {
      this.sayFailure(result);
      return false;
    }
    this.record(timingEntry(segmentId, before, timing));
    return true;
  }

  /**
   * Replaces the chosen matches (all of them when `request.only` is absent); answers how many were replaced, or null
   * on failure. `lastPosition` is the furthest paragraph the replacement may touch (the whole transcript when absent):
   * paragraphs up to it are paged in first, so the editor holds the text it replaces, undo can put every one back,
   * and no page loaded later can bring an older copy of them.
   */
  async replace(request: ReplaceRequest, lastPosition?: number): Promise<number | null> {
    const isLoaded = await this.loadThrough(lastPosition ?? this.store.getStructure().totalCount - 1);
    if (!isLoaded) {
      this.say("The paragraphs to replace in could not be loaded. Nothing was replaced; try again.", "error");
      return null;
    }
    const isSaved = await this.queue.flushAll();
    if (!isSaved) {
      this.say("Some edits are not saved yet. Replace once they are, so nothing is overwritten.", "error");
      return null;
    }
    const befores = new Map<string, string>();
    for (const item of request.only ?? []) {
      const entry = this.store.getEntry(item.segmentId);
      if (entry) befores.set(item.segmentId, entry.segment.text);
    }
    const response = await this.api.applyReplace(request);
    if (!response.ok) {
      this.sayFailure(response);
      return null;
    }
    const changes: TextChange[] = [];
    for (const segment of response.body.segments) {
      const before = befores.get(segment.id) ?? this.store.getEntry(segment.id)?.segment.text;
      this.acceptFromServer(segment);
      if (before !== undefined && before !== segment.text) {
        changes.push({ segmentId: segment.id, from: before, to: segment.text });
      }
    }
    this.annotations.upsert(response.body.annotations);
    if (changes.length > 0) this.record(replaceEntry(changes));
    return response.body.replaced;
  }

  /** Loads the next page of paragraphs (GET ?from=&take=), as scrolling near the end asks. */
  async loadMore(): Promise<void> {
    if (this.pageLoad) return void (await this.pageLoad);
    const { order, totalCount } = this.store.getStructure();
    if (order.length >= totalCount) return;
    await this.loadPage(PAGE_SIZE);
  }

  /**
   * Loads pages until the paragraph at `index` (0-based) is loaded, or the transcript ends. Answers false when a
   * page could not be loaded (the reason is shown).
   */
  async loadThrough(index: number): Promise<boolean> {
    for (;;) {
      if (this.pageLoad) await this.pageLoad;
      const { order, totalCount } = this.store.getStructure();
      if (order.length > index || order.length >= totalCount) return true;
      const wanted = Math.min(MAX_PAGE, Math.max(PAGE_SIZE, index + 1 - order.length));
      const before = order.length;
      if (!(await this.loadPage(wanted))) return false;
      // An empty page: the transcript is shorter than it was (paragraphs deleted meanwhile).
      if (this.store.getStructure().order.length === before) return true;
    }
  }

  private loadPage(take: number): Promise<boolean> {
    const load = (async () => {
      this.isLoadingMore.set(true);
      const response = await this.api.loadSegments(this.store.getStructure().order.length, take);
      this.isLoadingMore.set(false);
      if (!response.ok) {
        this.sayFailure(response);
        return false;
      }
      this.store.appendPage(response.body.segments, response.body.segmentCount);
      this.options.onSpeakers(response.body.speakers);
      this.queue.adoptLocalEdits({ includeUnloaded: false });
      return true;
    })();
    this.pageLoad = load;
    void load.finally(() => {
      if (this.pageLoad === load) this.pageLoad = null;
    });
    return load;
  }

  // Undo and redo

  undoLast = async (): Promise<void> => {
    await this.runHistory("undo");
  };

  redoLast = async (): Promise<void> => {
    await this.runHistory("redo");
  };

  private async runHistory(direction: "undo" | "redo"): Promise<void> {
    if (this.isApplyingHistory) return;
    this.isApplyingHistory = true;
    try {
      // Typing not yet saved is saved first, so it becomes the change to undo.
      if (direction === "undo") await this.queue.flushAll();
      const entry = direction === "undo" ? this.undo.nextUndo() : this.undo.nextRedo();
      if (!entry) {
        this.say(direction === "undo" ? "Nothing to undo." : "Nothing to redo.");
        return;
      }
      const operation = direction === "undo" ? entry.backward : entry.forward;
      const result = await this.applyOperation(operation);
      if (!result.ok) {
        if (result.permanent) this.undo.discard(entry);
        this.say(`Could not ${direction} the ${entry.label}: ${result.message}`, "error");
        return;
      }
      if (direction === "undo") this.undo.markUndone(entry);
      else this.undo.markRedone(entry);
      this.say(`${direction === "undo" ? "Undid" : "Redid"} ${entry.label}.`);
      const target = firstSegmentOf(operation, result.value);
      if (target && this.store.indexOf(target) >= 0) this.focusParagraph(target);
    } finally {
      this.isApplyingHistory = false;
    }
  }

  private record(entry: UndoEntry): void {
    this.undo.push(entry);
  }

  /** Applies an undo or redo operation. Answers the id a split created, if any. */
  private async applyOperation(operation: EditOperation): Promise<Outcome<string | null>> {
    switch (operation.type) {
      case "text":
        return this.withNull(await this.applyTexts([operation]));
      case "texts":
        return this.withNull(await this.applyTexts(operation.changes));
      case "timing":
        return this.withNull(await this.applyTiming(operation.segmentId, operation.to, operation.from));
      case "speaker":
        return this.withNull(await this.applySpeakers(operation.changes));
      case "move":
        return this.withNull(await this.applyMove(operation.segmentId, operation.afterSegmentId));
      case "delete":
        return this.withNull(await this.applyDelete(operation.segmentId));
      case "restore":
        return this.withNull(await this.applyRestore(operation.segmentId));
      case "merge": {
        const result = await this.applyMerge(operation.segmentId);
        return result.ok ? ok(null) : result;
      }
      case "split": {
        const result = await this.applySplit(operation.segmentId, operation.offset);
        if (!result.ok) return result;
        const newId = result.value;
        this.undo.remap(operation.secondId, newId);
        if (operation.second) {
          const { speakerId, startMs, endMs } = operation.second;
          const current = this.store.getEntry(newId)?.segment;
          if (current && current.speakerId !== speakerId) {
            await this.applySpeakers([{ segmentId: newId, from: current.speakerId, to: speakerId }]);
          }
          if (current && (current.startMs !== startMs || current.endMs !== endMs)) {
            await this.applyTiming(newId, { startMs, endMs });
          }
        }
        return ok(newId);
      }
    }
  }

  private withNull(outcome: Outcome): Outcome<string | null> {
    return outcome.ok ? ok(null) : outcome;
  }

  // The primitives: one API call each, the store updated from the answer.

  private async applyTexts(changes: { segmentId: string; from: string; to: string }[]): Promise<Outcome> {
    for (const change of changes) {
      const saved = await this.ensureSaved([change.segmentId]);
      if (!saved.ok) return saved;
      const entry = this.store.getEntry(change.segmentId)!;
      if (entry.segment.text !== change.from) {
        return fail("the paragraph has changed since, so it was left as it is.", true);
      }
      this.queue.edit(change.segmentId, change.to);
      const isSaved = await this.queue.flush(change.segmentId, { record: false });
      if (!isSaved) return fail(this.store.getEntry(change.segmentId)?.error ?? "the text could not be saved.");
    }
    return ok(undefined);
  }

  private async applySplit(segmentId: string, offset: number): Promise<Outcome<string>> {
    const saved = await this.ensureSaved([segmentId]);
    if (!saved.ok) return saved;
    const entry = this.store.getEntry(segmentId)!;
    const response = await this.api.splitSegment(segmentId, offset, entry.segment.version);
    if (!response.ok) return this.failureFor(segmentId, response);
    const [first, second] = response.body.segments;
    this.acceptFromServer(first);
    if (!this.store.insertAfter(first.id, second)) this.acceptFromServer(second);
    this.annotations.upsert(response.body.annotations);
    return ok(second.id);
  }

  private async applyMerge(segmentId: string): Promise<Outcome<{ offset: number }>> {
    const previousId = this.store.previousId(segmentId);
    if (!previousId) return fail("it is the first paragraph.", true);
    const saved = await this.ensureSaved([previousId, segmentId]);
    if (!saved.ok) return saved;
    const previous = this.store.getEntry(previousId)!;
    const current = this.store.getEntry(segmentId)!;
    const offset = previous.segment.text.length;
    const response = await this.api.mergeSegment(segmentId, current.segment.version, previous.segment.version);
    if (!response.ok) return this.failureFor(segmentId, response);
    this.acceptFromServer(response.body.segment);
    this.store.remove(response.body.removedSegmentId);
    this.queue.discard(response.body.removedSegmentId);
    this.annotations.upsert(response.body.annotations);
    // The server may join with a space; the caret goes where the second paragraph's words begin.
    const joined = response.body.segment.text;
    const separator = joined.length - offset - current.segment.text.length;
    return ok({ offset: offset + Math.max(0, separator) });
  }

  private async applyDelete(segmentId: string): Promise<Outcome> {
    const entry = this.store.getEntry(segmentId);
    if (!entry) return fail("that paragraph is no longer here.", true);
    if (this.queue.hasUnsaved(segmentId)) {
      const saved = await this.ensureSaved([segmentId]);
      if (!saved.ok) return saved;
    }
    const version = this.store.getEntry(segmentId)!.segment.version;
    const response = await this.api.deleteSegment(segmentId, version);
    if (!response.ok) return this.failureFor(segmentId, response);
    this.queue.discard(segmentId);
    this.store.remove(segmentId, response.body.segment);
    return ok(undefined);
  }

  private async applyRestore(segmentId: string): Promise<Outcome> {
    const response = await this.api.restoreSegment(segmentId);
    if (!response.ok) return fail(response.message, !response.offline && response.status === 404);
    this.store.forgetDeleted(segmentId);
    this.store.insertAtPosition(response.body.segment);
    return ok(undefined);
  }

  private async applyMove(segmentId: string, afterId: string | null): Promise<Outcome> {
    if (this.store.indexOf(segmentId) < 0) return fail("that paragraph is not loaded.", true);
    const response = await this.api.moveSegment(segmentId, afterId);
    if (!response.ok) return fail(response.message, !response.offline && response.status === 404);
    this.store.moveAfter(segmentId, afterId);
    this.store.acceptOwnChange(response.body.segment);
    return ok(undefined);
  }

  private async applySpeakers(changes: SpeakerChange[]): Promise<Outcome> {
    const groups = new Map<string | null, string[]>();
    for (const change of changes) groups.set(change.to, [...(groups.get(change.to) ?? []), change.segmentId]);
    for (const [speakerId, segmentIds] of groups) {
      const response = await this.api.setSpeakers(segmentIds, speakerId);
      if (!response.ok) return fail(response.message);
      response.body.segments.forEach((segment) => this.store.acceptOwnChange(segment));
    }
    return ok(undefined);
  }

  private async applyTiming(segmentId: string, timing: Timing, expected?: Timing): Promise<Outcome> {
    const entry = this.store.getEntry(segmentId);
    if (!entry) return fail("that paragraph is no longer here.", true);
    if (expected && (entry.segment.startMs !== expected.startMs || entry.segment.endMs !== expected.endMs)) {
      return fail("its timings have changed since.", true);
    }
    const response = await this.api.patchSegment(segmentId, {
      startMs: timing.startMs,
      endMs: timing.endMs,
      baseVersion: entry.segment.version,
    });
    if (!response.ok) return this.failureFor(segmentId, response);
    this.store.acceptOwnChange(response.body.segment);
    this.annotations.upsert(response.body.annotations);
    return ok(undefined);
  }

  /** A paragraph the server answered for our own change, whose words may have changed (split, replace). */
  private acceptFromServer(segment: EditorSegment): void {
    const entry = this.store.getEntry(segment.id);
    if (!entry) return;
    if (entry.draft !== null) this.store.acceptOwnChange(segment);
    else this.store.updateEntry(segment.id, { segment, baseVersion: segment.version, error: null });
  }

  /** A refusal; a conflict brings the server's paragraph in (when nothing unsaved is here) and explains. */
  private failureFor(segmentId: string, failure: ApiFailure): Outcome<never> {
    const conflict = readSegmentConflict(failure);
    if (conflict) {
      const entry = this.store.getEntry(segmentId);
      if (entry && entry.draft === null) {
        this.store.updateEntry(segmentId, { segment: conflict.segment, baseVersion: conflict.segment.version });
      }
      return fail(`${conflict.by?.name ?? "A colleague"} changed this paragraph just now. Look, then try again.`);
    }
    return fail(failure.message, !failure.offline && failure.status === 404);
  }

  // Colleagues' changes (presence heartbeat)

  applyRemote(changes: {
    segments: EditorSegment[];
    deletedSegmentIds: string[];
    segmentCount?: number;
    annotations: EditorAnnotation[];
    deletedAnnotationIds?: string[];
    mentionsNeedingReview?: EditorReviewMention[];
  }): void {
    this.store.applyRemote(changes);
    this.annotations.upsert(changes.annotations);
    for (const id of changes.deletedAnnotationIds ?? []) this.annotations.remove(id);
    if (changes.mentionsNeedingReview) this.reviewMentions.set(changes.mentionsNeedingReview);
  }
}

function focusRange(element: HTMLTextAreaElement, start: number, end: number): void {
  element.focus();
  element.setSelectionRange(start, end);
}

function firstSegmentOf(operation: EditOperation, created: string | null): string | null {
  if (created) return created;
  switch (operation.type) {
    case "texts":
    case "speaker":
      return operation.changes[0]?.segmentId ?? null;
    case "delete":
      return null;
    default:
      return operation.segmentId;
  }
}

export function toSaveOutcome(response: Awaited<ReturnType<EditorApi["patchSegment"]>>): SaveOutcome {
  if (response.ok) return { kind: "saved", ...response.body };
  if (response.offline) return { kind: "offline", message: response.message };
  const conflict = readSegmentConflict(response);
  if (conflict) return { kind: "conflict", current: { theirs: conflict.segment, by: conflict.by, at: conflict.at } };
  return { kind: "failed", status: response.status, message: response.message };
}
