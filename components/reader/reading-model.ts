// The reading page's view of a published transcript: paragraphs numbered from one, each with its speaker, its
// corrections and its annotations, numbered in reading order like footnotes.
import type {
  PublicCorrection,
  PublicTranscript,
  PublishedAnnotation,
  PublishedSegment,
  PublishedSpeaker,
} from "@/lib/publishing/types";

export interface NumberedAnnotation extends PublishedAnnotation {
  /** 1-based, in reading order across the page. */
  number: number;
  paragraphNumber: number;
  /** Whether it has words to mark in the paragraph: anchored, with offsets that still select its words. */
  isMarked: boolean;
}

export interface ReadingParagraph {
  segment: PublishedSegment;
  number: number;
  speaker: PublishedSpeaker | null;
  annotations: NumberedAnnotation[];
  corrections: PublicCorrection[];
}

export interface SpeakerCount {
  speaker: PublishedSpeaker;
  paragraphs: number;
}

export interface ReadingModel {
  paragraphs: ReadingParagraph[];
  annotations: NumberedAnnotation[];
  /** Paragraph number of each corrected segment still in the transcript. */
  paragraphNumberOf: Map<string, number>;
  speakerCounts: SpeakerCount[];
}

function isMarkable(annotation: PublishedAnnotation, text: string): boolean {
  return (
    annotation.anchored &&
    annotation.end > annotation.start &&
    annotation.start >= 0 &&
    text.slice(annotation.start, annotation.end) === annotation.exact
  );
}

export function buildReadingModel(transcript: PublicTranscript): ReadingModel {
  const speakers = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker]));
  const paragraphNumberOf = new Map(transcript.segments.map((segment, index) => [segment.id, index + 1]));

  const bySegment = new Map<string, PublishedAnnotation[]>();
  for (const annotation of transcript.annotations) {
    if (!paragraphNumberOf.has(annotation.segmentId)) continue;
    bySegment.set(annotation.segmentId, [...(bySegment.get(annotation.segmentId) ?? []), annotation]);
  }
  const correctionsBySegment = new Map<string, PublicCorrection[]>();
  for (const correction of [...transcript.corrections].sort((a, b) => a.at.localeCompare(b.at))) {
    correctionsBySegment.set(correction.segmentId, [
      ...(correctionsBySegment.get(correction.segmentId) ?? []),
      correction,
    ]);
  }

  let nextNumber = 1;
  const paragraphs = transcript.segments.map((segment, index): ReadingParagraph => {
    const annotations = (bySegment.get(segment.id) ?? [])
      .map((annotation) => ({ annotation, isMarked: isMarkable(annotation, segment.text) }))
      // Marked words in text order (longer first where two start together), then the unanchored ones.
      .sort(
        (a, b) =>
          Number(b.isMarked) - Number(a.isMarked) ||
          (a.isMarked ? a.annotation.start - b.annotation.start || b.annotation.end - a.annotation.end : 0),
      )
      .map(({ annotation, isMarked }) => ({
        ...annotation,
        isMarked,
        number: nextNumber++,
        paragraphNumber: index + 1,
      }));
    return {
      segment,
      number: index + 1,
      speaker: segment.speakerId ? (speakers.get(segment.speakerId) ?? null) : null,
      annotations,
      corrections: correctionsBySegment.get(segment.id) ?? [],
    };
  });

  const speakerCounts = transcript.speakers
    .map((speaker) => ({
      speaker,
      paragraphs: paragraphs.filter((paragraph) => paragraph.speaker?.id === speaker.id).length,
    }))
    .filter((count) => count.paragraphs > 0);

  return {
    paragraphs,
    annotations: paragraphs.flatMap((paragraph) => paragraph.annotations),
    paragraphNumberOf,
    speakerCounts,
  };
}
