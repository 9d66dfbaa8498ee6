import { describe, expect, it, vi } from "vitest";
import type { EditorSegment } from "@/lib/editor/types";
import { SegmentStore } from "./segment-store";

function segment(id: string, position: number, overrides: Partial<EditorSegment> = {}): EditorSegment {
  return {
    id,
    position,
    speakerId: null,
    text: `Text of ${id}`,
    startMs: null,
    endMs: null,
    version: 1,
    updatedAt: null,
    updatedBy: null,
    ...overrides,
  };
}

const three = () => [segment("a", 0), segment("b", 1), segment("c", 2)];

describe("SegmentStore", () => {
  it("notifies only the paragraph that changed, not the list, when text is typed", () => {
    const store = new SegmentStore(three(), 3);
    const onA = vi.fn();
    const onB = vi.fn();
    const onStructure = vi.fn();
    store.subscribeEntry("a", onA);
    store.subscribeEntry("b", onB);
    store.subscribeStructure(onStructure);
    store.setDraft("a", "New text");
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).not.toHaveBeenCalled();
    expect(onStructure).not.toHaveBeenCalled();
    expect(store.getEntry("a")?.draft).toBe("New text");
    store.setDraft("a", "Text of a");
    expect(store.getEntry("a")?.draft).toBeNull();
  });

  it("tells the list when a speaker changes, since names are shown where the voice changes", () => {
    const store = new SegmentStore(three(), 3);
    const onStructure = vi.fn();
    store.subscribeStructure(onStructure);
    store.acceptOwnChange(segment("b", 1, { speakerId: "sp1", version: 2 }));
    expect(onStructure).toHaveBeenCalledTimes(1);
  });

  it("inserts, moves and removes paragraphs, keeping indexes right", () => {
    const store = new SegmentStore(three(), 3);
    store.insertAfter("a", segment("n", 1));
    expect(store.getStructure().order).toEqual(["a", "n", "b", "c"]);
    expect(store.indexOf("b")).toBe(2);
    store.moveAfter("a", "b");
    expect(store.getStructure().order).toEqual(["n", "b", "a", "c"]);
    store.moveAfter("c", null);
    expect(store.getStructure().order).toEqual(["c", "n", "b", "a"]);
    store.remove("n", segment("n", 1));
    expect(store.getStructure()).toMatchObject({ order: ["c", "b", "a"], totalCount: 3 });
    expect(store.getStructure().deleted.map((row) => row.id)).toEqual(["n"]);
    store.insertAtPosition(segment("n", 1));
    expect(store.getStructure().order).toEqual(["c", "n", "b", "a"]);
    expect(store.getStructure().deleted).toEqual([]);
    expect(store.previousId("n")).toBe("c");
    expect(store.nextId("a")).toBeNull();
  });

  it("advances a draft's base version after our own non-text change, but not a stale one", () => {
    const store = new SegmentStore(three(), 3);
    store.setDraft("a", "typed");
    store.acceptOwnChange(segment("a", 0, { speakerId: "x", version: 2 }));
    expect(store.getEntry("a")).toMatchObject({ draft: "typed", baseVersion: 2 });
    store.updateEntry("b", { draft: "old draft", baseVersion: 0 });
    store.acceptOwnChange(segment("b", 1, { speakerId: "x", version: 2 }));
    expect(store.getEntry("b")?.baseVersion).toBe(0);
  });

  it("applies colleagues' changes except where someone has unsaved text", () => {
    const store = new SegmentStore(three(), 3);
    store.setDraft("b", "my unsaved words");
    const changed = store.applyRemote({
      segments: [
        segment("a", 0, { text: "Their a", version: 2 }),
        segment("b", 1, { text: "Their b", version: 2 }),
        segment("z", 3, { text: "New at the end" }),
      ],
      deletedSegmentIds: ["c"],
    });
    expect(changed).toEqual(["a", "z", "c"]);
    expect(store.getEntry("a")?.segment.text).toBe("Their a");
    expect(store.getEntry("b")).toMatchObject({ draft: "my unsaved words", baseVersion: 1 });
    expect(store.getStructure().order).toEqual(["a", "b", "z"]);
    expect(store.getStructure().deleted.map((row) => row.id)).toEqual(["c"]);
  });

  it("ignores an older copy of a paragraph than the one it holds", () => {
    const store = new SegmentStore(three(), 3);
    store.acceptOwnChange(segment("a", 0, { text: "Newer", version: 3 }));
    store.applyRemote({ segments: [segment("a", 0, { text: "Older", version: 2 })], deletedSegmentIds: [] });
    expect(store.getEntry("a")?.segment.text).toBe("Newer");
  });

  it("leaves paragraphs beyond the loaded pages to the next page, and appends pages without duplicates", () => {
    const store = new SegmentStore(three(), 2000);
    expect(store.insertAtPosition(segment("far", 1500))).toBe(false);
    expect(store.getStructure().totalCount).toBe(2001);
    store.appendPage([segment("c", 2), segment("d", 3)], 2001);
    expect(store.getStructure().order).toEqual(["a", "b", "c", "d"]);
  });

  it("does not count a changed paragraph beyond the loaded pages as a new one when the server gives the count", () => {
    const store = new SegmentStore(three(), 10_000);
    // A replace across the transcript changed 500 paragraphs this editor has not loaded, and added none.
    const changedFarAway = Array.from({ length: 500 }, (_, index) => segment(`far${index}`, 5_000 + index));
    store.applyRemote({ segments: changedFarAway, deletedSegmentIds: [], segmentCount: 10_000 });
    expect(store.getStructure()).toMatchObject({ order: ["a", "b", "c"], totalCount: 10_000 });
    // A colleague's new paragraph far down: the count says so.
    store.applyRemote({ segments: [segment("new", 7_000)], deletedSegmentIds: [], segmentCount: 10_001 });
    expect(store.getStructure().totalCount).toBe(10_001);
  });
});
