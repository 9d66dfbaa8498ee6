// Annotations outside React, like paragraphs: each paragraph subscribes to its own anchored annotations (a stable
// array, so a note added elsewhere does not re-render it), the panel to the whole list.

import type { EditorAnnotation } from "@/lib/editor/types";

const NONE: readonly EditorAnnotation[] = Object.freeze([]);

export class AnnotationStore {
  private byId = new Map<string, EditorAnnotation>();
  private bySegment = new Map<string, readonly EditorAnnotation[]>();
  private list: readonly EditorAnnotation[] = NONE;
  private segmentListeners = new Map<string, Set<() => void>>();
  private listeners = new Set<() => void>();

  constructor(annotations: readonly EditorAnnotation[]) {
    for (const annotation of annotations) this.byId.set(annotation.id, annotation);
    this.rebuild(new Set(annotations.map((annotation) => annotation.segmentId)));
  }

  getAll = (): readonly EditorAnnotation[] => this.list;

  get(id: string): EditorAnnotation | undefined {
    return this.byId.get(id);
  }

  /** The paragraph's anchored annotations, ordered by where they start. */
  forSegment(segmentId: string): readonly EditorAnnotation[] {
    return this.bySegment.get(segmentId) ?? NONE;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  subscribeSegment(segmentId: string, listener: () => void): () => void {
    let set = this.segmentListeners.get(segmentId);
    if (!set) {
      set = new Set();
      this.segmentListeners.set(segmentId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.segmentListeners.delete(segmentId);
    };
  }

  /** New or changed annotations (a save re-anchors a paragraph's annotations and answers them). */
  upsert(annotations: readonly EditorAnnotation[]): void {
    if (annotations.length === 0) return;
    const touched = new Set<string>();
    for (const annotation of annotations) {
      const previous = this.byId.get(annotation.id);
      if (previous) touched.add(previous.segmentId);
      touched.add(annotation.segmentId);
      this.byId.set(annotation.id, annotation);
    }
    this.rebuild(touched);
  }

  remove(id: string): void {
    const previous = this.byId.get(id);
    if (!previous) return;
    this.byId.delete(id);
    this.rebuild(new Set([previous.segmentId]));
  }

  private rebuild(touchedSegments: Set<string>): void {
    const grouped = new Map<string, EditorAnnotation[]>();
    for (const segmentId of touchedSegments) grouped.set(segmentId, []);
    for (const annotation of this.byId.values()) {
      if (annotation.status !== "anchored") continue;
      grouped.get(annotation.segmentId)?.push(annotation);
    }
    for (const [segmentId, annotations] of grouped) {
      annotations.sort((a, b) => a.start - b.start || a.end - b.end);
      const previous = this.bySegment.get(segmentId) ?? NONE;
      if (sameList(previous, annotations)) continue;
      if (annotations.length === 0) this.bySegment.delete(segmentId);
      else this.bySegment.set(segmentId, annotations);
      this.segmentListeners.get(segmentId)?.forEach((listener) => listener());
    }
    this.list = [...this.byId.values()];
    this.listeners.forEach((listener) => listener());
  }
}

function sameList(left: readonly EditorAnnotation[], right: readonly EditorAnnotation[]): boolean {
  return left.length === right.length && left.every((annotation, index) => annotation === right[index]);
}

/** Reading order: by paragraph (as `indexOf` places it), then by where in the paragraph. */
export function sortInReadingOrder(
  annotations: readonly EditorAnnotation[],
  indexOf: (segmentId: string) => number,
): EditorAnnotation[] {
  const position = (annotation: EditorAnnotation) => {
    const index = indexOf(annotation.segmentId);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...annotations].sort((a, b) => position(a) - position(b) || a.start - b.start);
}
