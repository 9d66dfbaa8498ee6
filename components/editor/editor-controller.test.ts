import { describe, expect, it } from "vitest";
import type { EditorBootstrap, EditorSegment } from "@/lib/editor/types";
import type { ApiResult, EditorApi } from "./api";
import { EditorController } from "./editor-controller";
import { entryText } from "./segment-store";

interface Row extends EditorSegment {
  deleted: boolean;
}

/** An in-memory server for the paragraph routes the controller calls, with version checks like the real one. */
function fakeServer(texts: { text: string; speakerId?: string | null }[]) {
  let nextId = 1;
  let rows: Row[] = texts.map((item) => ({
    id: `s${nextId++}`,
    position: 0,
    speakerId: item.speakerId ?? null,
    text: item.text,
    startMs: null,
    endMs: null,
    version: 1,
    updatedAt: null,
    updatedBy: null,
    deleted: false,
  }));
  const live = () => rows.filter((row) => !row.deleted);
  const json = (row: Row): EditorSegment => {
    const { deleted: _deleted, ...segment } = row;
    return { ...segment, position: live().indexOf(row) };
  };
  const find = (id: string) => rows.find((row) => row.id === id)!;
  const ok = <T>(body: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, status: 200, body });
  const conflict = (row: Row) =>
    Promise.resolve({
      ok: false as const,
      offline: false as const,
      status: 409,
      code: "CONFLICT",
      message: "Changed",
      fieldErrors: {},
      error: { current: { segment: json(row), by: null, at: null } },
    });
  const bump = (row: Row, patch: Partial<Row>) => Object.assign(row, patch, { version: row.version + 1 });

  const api = {
    patchSegment: (id: string, patch: Partial<EditorSegment> & { baseVersion: number }) => {
      const row = find(id);
      if (row.version !== patch.baseVersion) return conflict(row);
      const { baseVersion: _base, ...fields } = patch;
      bump(row, fields);
      return ok({ segment: json(row), annotations: [], revision: 1 });
    },
    splitSegment: (id: string, offset: number, baseVersion: number) => {
      const row = find(id);
      if (row.version !== baseVersion) return conflict(row);
      const second: Row = { ...row, id: `s${nextId++}`, text: row.text.slice(offset), version: 1 };
      bump(row, { text: row.text.slice(0, offset) });
      rows.splice(rows.indexOf(row) + 1, 0, second);
      return ok({
        segments: [json(row), json(second)] as [EditorSegment, EditorSegment],
        annotations: [],
        revision: 1,
      });
    },
    mergeSegment: (id: string, baseVersion: number, previousBaseVersion: number) => {
      const row = find(id);
      const previous = live()[live().indexOf(row) - 1]!;
      if (row.version !== baseVersion || previous.version !== previousBaseVersion) return conflict(row);
      bump(previous, { text: `${previous.text} ${row.text}` });
      row.deleted = true;
      return ok({ segment: json(previous), removedSegmentId: id, annotations: [], revision: 1 });
    },
    deleteSegment: (id: string) => {
      const row = find(id);
      row.deleted = true;
      return ok({ segment: json(row), revision: 1 });
    },
    restoreSegment: (id: string) => {
      const row = find(id);
      row.deleted = false;
      return ok({ segment: json(row), revision: 1 });
    },
    moveSegment: (id: string, afterSegmentId: string | null) => {
      const row = find(id);
      rows = rows.filter((candidate) => candidate !== row);
      rows.splice(afterSegmentId === null ? 0 : rows.indexOf(find(afterSegmentId)) + 1, 0, row);
      bump(row, {});
      return ok({ segment: json(row), revision: 1 });
    },
    setSpeakers: (segmentIds: string[], speakerId: string | null) =>
      ok({ segments: segmentIds.map((id) => json(bump(find(id), { speakerId }))), revision: 1 }),
  };
  return { api: api as unknown as EditorApi, live, json };
}

function setup(texts: { text: string; speakerId?: string | null }[]) {
  const server = fakeServer(texts);
  const bootstrap = {
    transcript: { id: "t1", segmentCount: texts.length, revision: 1 },
    speakers: [],
    segments: server.live().map(server.json),
    annotations: [],
    entities: [],
    viewer: { id: "u1", name: "Uma", role: "REPORTER" },
  } as unknown as EditorBootstrap;
  const controller = new EditorController({ bootstrap, api: server.api, storage: null, onSpeakers: () => undefined });
  const view = () => controller.store.getStructure().order.map((id) => entryText(controller.store.getEntry(id)!));
  const serverView = () => server.live().map((row) => row.text);
  return { controller, server, view, serverView };
}

describe("EditorController", () => {
  it("splits at the caret, and undo, redo and undo again follow the paragraph through its new ids", async () => {
    const { controller, view, serverView } = setup([{ text: "Hello world" }, { text: "Next" }]);
    await controller.split("s1", 6);
    expect(view()).toEqual(["Hello ", "world", "Next"]);
    await controller.undoLast();
    expect(serverView()).toEqual(["Hello  world", "Next"]);
    await controller.redoLast();
    expect(view()).toEqual(["Hello ", " world", "Next"]);
    await controller.undoLast();
    expect(serverView()).toEqual(["Hello   world", "Next"]);
    expect(view()).toEqual(serverView());
  });

  it("undoes a merge by splitting where the paragraphs met and giving the second its speaker back", async () => {
    const { controller, view, server } = setup([
      { text: "First.", speakerId: "a" },
      { text: "Second.", speakerId: "b" },
    ]);
    await controller.mergeWithPrevious("s2");
    expect(view()).toEqual(["First. Second."]);
    await controller.undoLast();
    expect(view()).toEqual(["First. ", "Second."]);
    expect(server.live().map((row) => row.speakerId)).toEqual(["a", "b"]);
  });

  it("saves typing as an undoable step, and refuses to undo over a colleague's later change", async () => {
    const { controller, server, view } = setup([{ text: "Helo" }]);
    controller.edit("s1", "Hello");
    await controller.queue.flush("s1");
    expect(server.live()[0]!.text).toBe("Hello");
    await controller.undoLast();
    expect(view()).toEqual(["Helo"]);
    await controller.redoLast();
    expect(view()).toEqual(["Hello"]);

    // Someone else's save arrives; undoing ours would overwrite it.
    const row = server.live()[0]!;
    Object.assign(row, { text: "Hello!", version: row.version + 1 });
    controller.applyRemote({ segments: [server.json(row)], deletedSegmentIds: [], annotations: [] });
    await controller.undoLast();
    expect(view()).toEqual(["Hello!"]);
    expect(controller.notice.get()?.text).toMatch(/changed since/);
    expect(controller.undo.getSnapshot().canUndo).toBe(false);
  });

  it("deletes softly and restores in place; moves and moves back", async () => {
    const { controller, view } = setup([{ text: "A" }, { text: "B" }, { text: "C" }]);
    await controller.deleteParagraph("s2");
    expect(view()).toEqual(["A", "C"]);
    expect(controller.store.getStructure().deleted.map((item) => item.id)).toEqual(["s2"]);
    await controller.undoLast();
    expect(view()).toEqual(["A", "B", "C"]);
    await controller.move("s1", 1);
    expect(view()).toEqual(["B", "A", "C"]);
    await controller.undoLast();
    expect(view()).toEqual(["A", "B", "C"]);
  });

  it("changes speakers in bulk and undoes each paragraph back to its own speaker", async () => {
    const { controller, server } = setup([
      { text: "A", speakerId: "x" },
      { text: "B", speakerId: "y" },
    ]);
    await controller.setSpeaker(["s1", "s2"], "z");
    expect(server.live().map((row) => row.speakerId)).toEqual(["z", "z"]);
    await controller.undoLast();
    expect(server.live().map((row) => row.speakerId)).toEqual(["x", "y"]);
  });
});
