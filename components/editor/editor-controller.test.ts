import { describe, expect, it } from "vitest";
import type { EditorBootstrap, EditorSegment } from "@/lib/editor/types";
import { FIRST_PAGE, MAX_PAGE } from "@/lib/editor/paging";
import type { ApiResult, EditorApi, ReplaceRequest } from "./api";
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
    loadSegments: (from: number, take: number) => {
      pageRequests.push({ from, take });
      return ok({
        segments: live()
          .slice(from, from + take)
          .map(json),
        segmentCount: live().length,
        speakers: [],
      });
    },
    /** Literal words, every occurrence or those starting at `only`'s offsets. */
    applyReplace: (request: ReplaceRequest) => {
      const changed: Row[] = [];
      let replaced = 0;
      for (const row of live()) {
        const starts = request.only?.filter((item) => item.segmentId === row.id).map((item) => item.start);
        if (starts?.length === 0) continue;
        const text = row.text.replace(new RegExp(request.find, "g"), (found: string, offset: number) => {
          if (starts && !starts.includes(offset)) return found;
          replaced += 1;
          return request.replace;
        });
        if (text !== row.text) changed.push(bump(row, { text }));
      }
      return ok({ replaced, segments: changed.map(json), annotations: [], revision: 1 });
    },
  };
  const pageRequests: { from: number; take: number }[] = [];
  return { api: api as unknown as EditorApi, live, json, pageRequests };
}

/** The editor on `texts`, with the first `loaded` paragraphs in its first page (all of them by default). */
function setup(texts: { text: string; speakerId?: string | null }[], loaded = texts.length) {
  const server = fakeServer(texts);
  const bootstrap = {
    transcript: { id: "t1", segmentCount: texts.length, revision: 1 },
    speakers: [],
    segments: server.live().slice(0, loaded).map(server.json),
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

describe("EditorController on a transcript longer than its first page", () => {
  const hearing = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ text: `Statement ${index + 1} on the river.` }));

  it("brings a paragraph the server found beyond the loaded pages into view: pages it in, then scrolls to it", async () => {
    const { controller, server } = setup(hearing(FIRST_PAGE + 1_500), FIRST_PAGE);
    const scrolled: number[] = [];
    controller.bindScroller((index) => scrolled.push(index));
    const far = server.live()[FIRST_PAGE + 1_399]!;

    expect(
      await controller.revealParagraph({ segmentId: far.id, position: FIRST_PAGE + 1_399, start: 0, end: 9 }),
    ).toBe(true);
    expect(controller.store.indexOf(far.id)).toBe(FIRST_PAGE + 1_399);
    expect(scrolled).toEqual([FIRST_PAGE + 1_399]);
    expect(server.pageRequests).toEqual([{ from: FIRST_PAGE, take: 1_400 }]);
    expect(controller.notice.get()).toBeNull();
  });

  it("pages in at most MAX_PAGE paragraphs a request, and never the same page twice when scrolling loads too", async () => {
    const { controller, server } = setup(hearing(FIRST_PAGE + MAX_PAGE + 500), FIRST_PAGE);
    const last = server.live().at(-1)!;
    await Promise.all([
      controller.loadMore(),
      controller.revealParagraph({ segmentId: last.id, position: FIRST_PAGE + MAX_PAGE + 499 }),
      controller.loadMore(),
    ]);
    const { order, totalCount } = controller.store.getStructure();
    expect(order).toHaveLength(totalCount);
    expect(new Set(order).size).toBe(order.length);
    expect(server.pageRequests.every((request) => request.take <= MAX_PAGE)).toBe(true);
    const starts = server.pageRequests.map((request) => request.from);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it("replaces in a paragraph not loaded yet after paging it in, so undo puts its words back", async () => {
    const { controller, server, view } = setup(hearing(FIRST_PAGE + 500), FIRST_PAGE);
    const far = server.live()[FIRST_PAGE + 400]!;
    const before = far.text;
    const start = before.indexOf("river");

    const replaced = await controller.replace(
      { find: "river", replace: "stream", only: [{ segmentId: far.id, start }] },
      FIRST_PAGE + 400,
    );
    expect(replaced).toBe(1);
    expect(far.text).toBe(before.replace("river", "stream"));
    expect(view()[FIRST_PAGE + 400]).toBe(far.text);

    await controller.undoLast();
    expect(far.text).toBe(before);
    expect(view()[FIRST_PAGE + 400]).toBe(before);
  });

  it("replaces every match in the transcript, loaded or not, and undo puts every paragraph back", async () => {
    const { controller, server, view, serverView } = setup(hearing(FIRST_PAGE + 200), FIRST_PAGE);
    const before = serverView();

    expect(await controller.replace({ find: "river", replace: "stream" })).toBe(FIRST_PAGE + 200);
    expect(serverView().every((text) => text.endsWith("stream."))).toBe(true);
    expect(view()).toEqual(serverView());

    await controller.undoLast();
    expect(serverView()).toEqual(before);
    expect(view()).toEqual(before);
    expect(server.live()).toHaveLength(FIRST_PAGE + 200);
  });
});
