// "Changes since publication": each paragraph's words in the first publication against the current one.
import { wordDiff, type DiffPart } from "@/lib/anchoring";
import type { PublishedSegment, PublishedSnapshot } from "@/lib/publishing/types";

export interface ParagraphChange {
  segmentId: string;
  /** The paragraph's number now; null when it has been removed since. */
  number: number | null;
  /** The number it had when first published; null when it was added since. */
  firstNumber: number | null;
  speakerId: string | null;
  kind: "changed" | "added" | "removed";
  parts: DiffPart[];
}

export function paragraphChanges(
  first: Pick<PublishedSnapshot, "segments">,
  current: Pick<PublishedSnapshot, "segments">,
): ParagraphChange[] {
  const firstById = new Map(first.segments.map((segment, index) => [segment.id, { segment, number: index + 1 }]));
  const currentIds = new Set(current.segments.map((segment) => segment.id));
  const changes: ParagraphChange[] = [];
  const removedBefore = (segment: PublishedSegment, number: number): ParagraphChange => ({
    segmentId: segment.id,
    number: null,
    firstNumber: number,
    speakerId: segment.speakerId,
    kind: "removed",
    parts: [{ kind: "removed", text: segment.text }],
  });

  // Removed paragraphs are listed where they stood: before the first current paragraph that followed them.
  let firstIndex = 0;
  const flushRemovedUpTo = (limit: number) => {
    for (; firstIndex < limit; firstIndex += 1) {
      const segment = first.segments[firstIndex]!;
      if (!currentIds.has(segment.id)) changes.push(removedBefore(segment, firstIndex + 1));
    }
  };

  current.segments.forEach((segment, index) => {
    const earlier = firstById.get(segment.id);
    if (!earlier) {
      // Paragraphs removed from the same gap read first: "this went, this came".
      const nextKept = current.segments.slice(index + 1).find((later) => firstById.has(later.id));
      flushRemovedUpTo(nextKept ? firstById.get(nextKept.id)!.number - 1 : first.segments.length);
      changes.push({
        segmentId: segment.id,
        number: index + 1,
        firstNumber: null,
        speakerId: segment.speakerId,
        kind: "added",
        parts: [{ kind: "added", text: segment.text }],
      });
      return;
    }
    flushRemovedUpTo(earlier.number - 1);
    if (earlier.segment.text !== segment.text) {
      changes.push({
        segmentId: segment.id,
        number: index + 1,
        firstNumber: earlier.number,
        speakerId: segment.speakerId,
        kind: "changed",
        parts: wordDiff(earlier.segment.text, segment.text),
      });
    }
  });
  flushRemovedUpTo(first.segments.length);
  return changes;
}
