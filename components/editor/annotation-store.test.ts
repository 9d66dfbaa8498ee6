import { describe, expect, it, vi } from "vitest";
import type { EditorAnnotation } from "@/lib/editor/types";
import { AnnotationStore, sortInReadingOrder } from "./annotation-store";

function annotation(id: string, segmentId: string, start: number, overrides: Partial<EditorAnnotation> = {}) {
  return {
    id,
    segmentId,
    start,
    end: start + 3,
    quote: { exact: "abc", prefix: "", suffix: "" },
    status: "anchored",
    reviewReason: null,
    kind: "note",
    body: "",
    verdict: null,
    claim: null,
    sources: [],
    checker: null,
    resolved: false,
    resolvedAt: null,
    author: { id: "u1", name: "Uma" },
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    version: 1,
    awaitingApproval: false,
    replies: [],
    ...overrides,
  } satisfies EditorAnnotation;
}

describe("AnnotationStore", () => {
  it("groups anchored annotations by paragraph, ordered by start, leaving out those needing review", () => {
    const store = new AnnotationStore([
      annotation("late", "s1", 20),
      annotation("early", "s1", 2),
      annotation("review", "s1", 5, { status: "needs_review" }),
    ]);
    expect(store.forSegment("s1").map((item) => item.id)).toEqual(["early", "late"]);
    expect(store.getAll()).toHaveLength(3);
    expect(store.forSegment("nothing")).toHaveLength(0);
  });

  it("notifies only the paragraphs whose annotations changed, and keeps other arrays identical", () => {
    const store = new AnnotationStore([annotation("a", "s1", 0), annotation("b", "s2", 0)]);
    const s2Before = store.forSegment("s2");
    const onS1 = vi.fn();
    const onS2 = vi.fn();
    store.subscribeSegment("s1", onS1);
    store.subscribeSegment("s2", onS2);
    store.upsert([annotation("a", "s1", 4)]);
    expect(onS1).toHaveBeenCalledTimes(1);
    expect(onS2).not.toHaveBeenCalled();
    expect(store.forSegment("s2")).toBe(s2Before);
  });

  it("moves an annotation between paragraphs and removes one", () => {
    const store = new AnnotationStore([annotation("a", "s1", 0)]);
    store.upsert([annotation("a", "s2", 1)]);
    expect(store.forSegment("s1")).toHaveLength(0);
    expect(store.forSegment("s2").map((item) => item.id)).toEqual(["a"]);
    store.remove("a");
    expect(store.getAll()).toHaveLength(0);
  });

  it("sorts in reading order by paragraph index, unknown paragraphs last", () => {
    const order = ["s2", "s1"];
    const sorted = sortInReadingOrder(
      [annotation("x", "s1", 0), annotation("y", "s2", 9), annotation("z", "gone", 0), annotation("w", "s2", 1)],
      (id) => order.indexOf(id),
    );
    expect(sorted.map((item) => item.id)).toEqual(["w", "y", "x", "z"]);
  });
});
