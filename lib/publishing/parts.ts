// Long reading pages come in parts. A multi-day hearing of 10,000 paragraphs would be one 20 MB page; instead its
// paragraphs are cut into parts of at most about 1.5 MB of HTML each: the first part at /t/<slug> (with the header),
// the others at /t/<slug>/part/<k>. Paragraph numbers stay those of the whole transcript, so `#p-<n>` is the same
// anchor in whichever part holds it, and /t/<slug>/p/<n> finds that part. Where the cuts fall depends only on the
// published snapshot, so every server (and the edge) agrees on them. A transcript under the limit is one page.
import type { PublishedAnnotation, PublishedSegment } from "./types";

/**
 * What one part may weigh, in estimated bytes of HTML (below): READING_PART_BYTES, else 1,200,000, which keeps the
 * real page (header, navigation, the framework's own payload) under 1.5 MB. Tests set it low to see parts on short
 * transcripts.
 */
export function partBudgetBytes(): number {
  const configured = Number(process.env.READING_PART_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : 1_200_000;
}

/** The most paragraphs in one part, whatever their size: a part of 1,000 one-word paragraphs is still long to render. */
export const MAX_PARAGRAPHS_PER_PART = 1_000;

/**
 * Bytes of HTML one paragraph adds to the page. Its words go out twice (the HTML and the React payload that
 * hydrates it), escaped; each paragraph has a fixed frame of links and buttons; each annotation adds its mark, its
 * note and its body. Measured on the reading page (e2e/long-transcripts.spec.ts checks real parts stay under 1.5 MB).
 */
export function estimateParagraphBytes(
  segment: Pick<PublishedSegment, "text">,
  annotations: readonly Pick<PublishedAnnotation, "body" | "exact" | "claim" | "sources">[] = [],
  corrections = 0,
): number {
  const perCharacter = 2.6;
  let bytes = 1_700 + segment.text.length * perCharacter;
  for (const annotation of annotations) {
    const words = annotation.body.length + annotation.exact.length + (annotation.claim?.length ?? 0);
    bytes += 2_400 + words * perCharacter + annotation.sources.length * 600;
  }
  return bytes + corrections * (1_500 + segment.text.length * 2 * perCharacter);
}

export interface PartitionInput {
  segments: readonly PublishedSegment[];
  annotations: readonly PublishedAnnotation[];
  corrections: readonly { segmentId: string }[];
}

/**
 * Where each part starts: 0-based paragraph indexes, the first always 0. A part ends before the paragraph that would
 * take it over the budget (a single paragraph over the budget is a part by itself).
 */
export function partStarts(transcript: PartitionInput, budget: number = partBudgetBytes()): number[] {
  const annotationsOf = new Map<string, PublishedAnnotation[]>();
  for (const annotation of transcript.annotations) {
    annotationsOf.set(annotation.segmentId, [...(annotationsOf.get(annotation.segmentId) ?? []), annotation]);
  }
  const correctionsOf = new Map<string, number>();
  for (const { segmentId } of transcript.corrections)
    correctionsOf.set(segmentId, (correctionsOf.get(segmentId) ?? 0) + 1);

  const starts = [0];
  let weight = 0;
  let count = 0;
  transcript.segments.forEach((segment, index) => {
    const bytes = estimateParagraphBytes(segment, annotationsOf.get(segment.id), correctionsOf.get(segment.id));
    if (count > 0 && (weight + bytes > budget || count >= MAX_PARAGRAPHS_PER_PART)) {
      starts.push(index);
      weight = 0;
      count = 0;
    }
    weight += bytes;
    count += 1;
  });
  return starts;
}

/** The 1-based part that holds paragraph `number` (1-based), or null when there is no such paragraph. */
export function partOfParagraph(starts: readonly number[], paragraphCount: number, number: number): number | null {
  if (!Number.isInteger(number) || number < 1 || number > paragraphCount) return null;
  let part = 1;
  for (let index = 1; index < starts.length && starts[index]! < number; index++) part = index + 1;
  return part;
}

/** Paragraph indexes [from, to) of a 1-based part. */
export function partRange(
  starts: readonly number[],
  paragraphCount: number,
  part: number,
): { from: number; to: number } {
  return { from: starts[part - 1] ?? paragraphCount, to: starts[part] ?? paragraphCount };
}

/** The address of a part of the reading page at `path` (/t/<slug>): the first part is the page itself. */
export function partPath(path: string, part: number): string {
  return part <= 1 ? path : `${path}/part/${part}`;
}

/** Where a link to paragraph `number` goes: the part that holds it, at the paragraph's anchor. */
export function paragraphHref(path: string, starts: readonly number[], paragraphCount: number, number: number): string {
  return `${partPath(path, partOfParagraph(starts, paragraphCount, number) ?? 1)}#p-${number}`;
}

/** The stable address of paragraph `number` whatever part holds it now: it redirects there. */
export function stableParagraphPath(path: string, number: number): string {
  return `${stableParagraphBase(path)}${number}`;
}

/** What every paragraph's stable address starts with: the number follows. */
export function stableParagraphBase(path: string): string {
  return `${path}/p/`;
}
