import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EditorSegment } from "@/lib/editor/types";
import { LocalEditStore, localEditsKey, type KeyValueStorage } from "./local-edits";
import { SaveQueue, describeStatus, type SaveOutcome, type SavedText } from "./save-queue";
import { SegmentStore, entryText } from "./segment-store";

function segment(id: string, text: string, version = 1, position = 0): EditorSegment {
  return {
    id,
    position,
    speakerId: null,
    text,
    startMs: null,
    endMs: null,
    version,
    updatedAt: null,
    updatedBy: null,
  };
}

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
    removeItem: (key) => {
      delete data[key];
    },
  };
}

/** A fake server: versions go up by one on each save; `next` overrides the next answer. */
function fakeServer(initial: EditorSegment[]) {
  const rows = new Map(initial.map((row) => [row.id, { ...row }]));
  const calls: { id: string; text: string; baseVersion: number }[] = [];
  const scripted: (SaveOutcome | "offline")[] = [];
  const save = vi.fn(async (id: string, text: string, baseVersion: number): Promise<SaveOutcome> => {
    calls.push({ id, text, baseVersion });
    const next = scripted.shift();
    if (next === "offline") return { kind: "offline", message: "offline" };
    if (next) return next;
    const row = rows.get(id)!;
    if (row.version !== baseVersion) {
      return { kind: "conflict", current: { theirs: { ...row }, by: { id: "u2", name: "Ana" }, at: "2026-01-01" } };
    }
    const saved = { ...row, text, version: row.version + 1 };
    rows.set(id, saved);
    return { kind: "saved", segment: { ...saved }, annotations: [], revision: 10 };
  });
  return { rows, calls, scripted, save };
}

function setup(initial: EditorSegment[], storage = memoryStorage()) {
  const store = new SegmentStore(initial, initial.length);
  const localEdits = new LocalEditStore("t1", storage);
  const server = fakeServer(initial);
  const saved: SavedText[] = [];
  const queue = new SaveQueue({ store, localEdits, save: server.save, onSaved: (item) => saved.push(item) });
  return { store, localEdits, server, saved, queue, storage };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("SaveQueue", () => {
  it("saves one paragraph 700 ms after the last keystroke, with the version it was typed on", async () => {
    const { store, queue, server, saved, storage } = setup([segment("s1", "Helo")]);
    queue.edit("s1", "Hell");
    queue.edit("s1", "Hello");
    expect(describeStatus(queue.getStatus())).toBe("Saving…");
    expect(JSON.parse(storage.data[localEditsKey("t1")]!)).toEqual({ s1: { text: "Hello", baseVersion: 1 } });
    await vi.advanceTimersByTimeAsync(699);
    expect(server.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toEqual([{ id: "s1", text: "Hello", baseVersion: 1 }]);
    expect(store.getEntry("s1")).toMatchObject({ draft: null, baseVersion: 2, isSaving: false });
    expect(storage.data).toEqual({});
    expect(saved).toMatchObject([{ segmentId: "s1", before: "Helo", after: "Hello", record: true }]);
    expect(describeStatus(queue.getStatus())).toBe("Saved");
  });

  it("typing back to the saved text cancels the save", async () => {
    const { queue, server } = setup([segment("s1", "Same")]);
    queue.edit("s1", "Samex");
    queue.edit("s1", "Same");
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.save).not.toHaveBeenCalled();
    expect(queue.getStatus()).toEqual({ kind: "saved" });
  });

  it("keeps text typed while a save was on its way and saves it next on the new version", async () => {
    const { store, queue, server } = setup([segment("s1", "A")]);
    let release: () => void = () => undefined;
    server.save.mockImplementationOnce(
      (id, text, baseVersion) =>
        new Promise<SaveOutcome>((resolve) => {
          release = () => {
            server.rows.set(id, { ...server.rows.get(id)!, text, version: baseVersion + 1 });
            resolve({ kind: "saved", segment: { ...server.rows.get(id)! }, annotations: [], revision: 2 });
          };
        }),
    );
    queue.edit("s1", "AB");
    await vi.advanceTimersByTimeAsync(700);
    queue.edit("s1", "ABC");
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getEntry("s1")).toMatchObject({ draft: "ABC", baseVersion: 2 });
    await vi.advanceTimersByTimeAsync(700);
    expect(server.calls.at(-1)).toEqual({ id: "s1", text: "ABC", baseVersion: 2 });
    expect(entryText(store.getEntry("s1")!)).toBe("ABC");
  });

  it("a lost connection keeps the edit on the device, says offline, and retries", async () => {
    const { queue, server, storage } = setup([segment("s1", "One"), segment("s2", "Two", 1, 1)]);
    server.scripted.push("offline", "offline");
    queue.edit("s1", "One!");
    queue.edit("s2", "Two!");
    await vi.advanceTimersByTimeAsync(700);
    expect(describeStatus(queue.getStatus())).toBe("Offline — 2 edits kept on this device");
    expect(Object.keys(JSON.parse(storage.data[localEditsKey("t1")]!))).toEqual(["s1", "s2"]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(queue.getStatus()).toEqual({ kind: "saved" });
    expect(storage.data).toEqual({});
  });

  it("a conflict keeps my text, stops autosave there, and resolves with keep mine or use theirs", async () => {
    const { store, queue, server } = setup([segment("s1", "Original"), segment("s2", "Other", 1, 1)]);
    server.rows.set("s1", { ...server.rows.get("s1")!, text: "Their words", version: 2 });
    queue.edit("s1", "My words");
    await vi.advanceTimersByTimeAsync(700);
    const entry = store.getEntry("s1")!;
    expect(entry.conflict?.theirs.text).toBe("Their words");
    expect(entryText(entry)).toBe("My words");
    expect(describeStatus(queue.getStatus())).toBe("Error: Ana also changed paragraph 1. Choose a version there.");

    queue.edit("s1", "My better words");
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.calls).toHaveLength(1);

    await queue.keepMine("s1");
    expect(server.calls.at(-1)).toEqual({ id: "s1", text: "My better words", baseVersion: 2 });
    expect(store.getEntry("s1")).toMatchObject({ draft: null, conflict: null, baseVersion: 3 });

    server.rows.set("s2", { ...server.rows.get("s2")!, text: "Theirs again", version: 5 });
    queue.edit("s2", "Mine again");
    await vi.advanceTimersByTimeAsync(700);
    queue.useTheirs("s2");
    expect(store.getEntry("s2")).toMatchObject({ draft: null, conflict: null, baseVersion: 5 });
    expect(entryText(store.getEntry("s2")!)).toBe("Theirs again");
    expect(queue.getStatus()).toEqual({ kind: "saved" });
  });

  it("shows a refused save as an error and keeps the text", async () => {
    const { store, queue, server } = setup([segment("s1", "Text")]);
    server.scripted.push({ kind: "failed", status: 422, message: "The text is too long." });
    queue.edit("s1", "Text that is refused");
    await vi.advanceTimersByTimeAsync(700);
    expect(describeStatus(queue.getStatus())).toBe("Error: The text is too long.");
    expect(store.getEntry("s1")?.draft).toBe("Text that is refused");
  });

  it("re-applies edits kept by an earlier visit and saves them with their old base version", async () => {
    const storage = memoryStorage({
      [localEditsKey("t1")]: JSON.stringify({
        s1: { text: "Typed offline", baseVersion: 1 },
        s2: { text: "Same", baseVersion: 1 },
        later: { text: "On page two", baseVersion: 4 },
      }),
    });
    const { store, queue, server } = setup([segment("s1", "Before"), segment("s2", "Same", 1, 1)], storage);
    server.rows.set("later", segment("later", "Page two", 4, 1500));
    queue.adoptLocalEdits({ includeUnloaded: true });
    expect(store.getEntry("s1")?.draft).toBe("Typed offline");
    expect(store.getEntry("s2")?.draft).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls).toEqual(
      expect.arrayContaining([
        { id: "s1", text: "Typed offline", baseVersion: 1 },
        { id: "later", text: "On page two", baseVersion: 4 },
      ]),
    );
    expect(storage.data).toEqual({});
  });

  it("flush saves at once and answers whether the paragraph is clean", async () => {
    const { queue, server } = setup([segment("s1", "x")]);
    queue.edit("s1", "xy");
    expect(await queue.flush("s1", { record: false })).toBe(true);
    expect(server.calls).toHaveLength(1);
    server.scripted.push("offline");
    queue.edit("s1", "xyz");
    expect(await queue.flush("s1")).toBe(false);
  });
});
