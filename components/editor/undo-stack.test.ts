import { describe, expect, it, vi } from "vitest";
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
} from "./undo-stack";

describe("undo entries", () => {
  it("reverse a text save", () => {
    const entry = textEntry("s1", "Helo", "Hello");
    expect(entry.backward).toEqual({ type: "text", segmentId: "s1", from: "Hello", to: "Helo" });
    expect(entry.forward).toEqual({ type: "text", segmentId: "s1", from: "Helo", to: "Hello" });
  });

  it("reverse a split with a merge of the new paragraph, and a merge with a split that restores the speaker", () => {
    expect(splitEntry("s1", 12, "s2").backward).toEqual({ type: "merge", segmentId: "s2" });
    const merge = mergeEntry("s1", 20, { id: "s2", speakerId: "q", startMs: 5000, endMs: null });
    expect(merge.forward).toEqual({ type: "merge", segmentId: "s2" });
    expect(merge.backward).toEqual({
      type: "split",
      segmentId: "s1",
      offset: 20,
      secondId: "s2",
      second: { speakerId: "q", startMs: 5000, endMs: null },
    });
  });

  it("reverse deletes with restores, inserts with deletes, moves and speaker changes", () => {
    expect(deleteEntry("s1").backward).toEqual({ type: "restore", segmentId: "s1" });
    expect(insertEntry("s9").backward).toEqual({ type: "delete", segmentId: "s9" });
    expect(insertEntry("s9").forward).toEqual({ type: "restore", segmentId: "s9" });
    expect(moveEntry("s3", "s1", "s5").backward).toEqual({ type: "move", segmentId: "s3", afterSegmentId: "s1" });
    expect(speakerEntry([{ segmentId: "s1", from: "a", to: "b" }]).backward).toEqual({
      type: "speaker",
      changes: [{ segmentId: "s1", from: "b", to: "a" }],
    });
    expect(replaceEntry([{ segmentId: "s1", from: "x", to: "y" }]).backward).toEqual({
      type: "texts",
      changes: [{ segmentId: "s1", from: "y", to: "x" }],
    });
  });
});

describe("UndoStack", () => {
  it("moves entries between undo and redo, and a new change clears redo", () => {
    const stack = new UndoStack();
    const first = textEntry("s1", "a", "b");
    const second = textEntry("s1", "b", "c");
    stack.push(first);
    stack.push(second);
    expect(stack.nextUndo()).toBe(second);
    stack.markUndone(second);
    expect(stack.nextUndo()).toBe(first);
    expect(stack.nextRedo()).toBe(second);
    stack.markRedone(second);
    expect(stack.nextRedo()).toBeUndefined();
    stack.markUndone(second);
    stack.push(textEntry("s2", "x", "y"));
    expect(stack.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: "typing" });
  });

  it("ignores marking an entry that is not on top, and discards entries that cannot apply", () => {
    const stack = new UndoStack();
    const first = textEntry("s1", "a", "b");
    const second = textEntry("s1", "b", "c");
    stack.push(first);
    stack.push(second);
    stack.markUndone(first);
    expect(stack.nextUndo()).toBe(second);
    stack.discard(second);
    expect(stack.nextUndo()).toBe(first);
  });

  it("keeps only the newest entries beyond its limit", () => {
    const stack = new UndoStack(2);
    stack.push(textEntry("s1", "a", "b"));
    stack.push(textEntry("s1", "b", "c"));
    stack.push(textEntry("s1", "c", "d"));
    stack.markUndone(stack.nextUndo()!);
    stack.markUndone(stack.nextUndo()!);
    expect(stack.nextUndo()).toBeUndefined();
  });

  it("remaps a paragraph id everywhere in the history after a split brings it back under a new id", () => {
    const stack = new UndoStack();
    const typing = textEntry("s2", "x", "y");
    const move = moveEntry("s4", "s2", "s3");
    const merge = mergeEntry("s1", 5, { id: "s2", speakerId: null, startMs: null, endMs: null });
    stack.push(typing);
    stack.push(move);
    stack.push(merge);
    stack.markUndone(merge);
    stack.remap("s2", "s2-new");
    expect(stack.nextRedo()!.forward).toEqual({ type: "merge", segmentId: "s2-new" });
    expect(typing.backward).toEqual({ type: "text", segmentId: "s2-new", from: "y", to: "x" });
    expect(move.backward).toEqual({ type: "move", segmentId: "s4", afterSegmentId: "s2-new" });
  });

  it("notifies subscribers when the history changes", () => {
    const stack = new UndoStack();
    const listener = vi.fn();
    const unsubscribe = stack.subscribe(listener);
    stack.push(deleteEntry("s1"));
    unsubscribe();
    stack.clear();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
