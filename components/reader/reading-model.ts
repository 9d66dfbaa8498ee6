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

/**
 * A note as the reading page's client list needs it: what to mark and what to show, without the fields only the
 * server uses (its body arrives rendered, its paragraph is the one it is listed under). Sent once per note in the
 * page's React payload, so fields a note does not use are left out rather than sent empty.
 */
export interface ReaderNote extends Pick<NumberedAnnotation, "id" | "kind" | "number" | "isMarked" | "start" | "end"> {
  claim?: string;
  verdict?: NonNullable<NumberedAnnotation["verdict"]>;
  sources?: NumberedAnnotation["sources"];
  checker?: string;
  /** The words it was on, when a correction has since changed them. */
  formerWords?: string;
}

/** A paragraph as the reading page's client list renders it (components/reader/transcript-paragraphs.tsx). */
export interface ReaderParagraph {
  /** The segment's id: the media player marks the paragraph it plays by it. */
  id: string;
  number: number;
  text: string;
  speakerId: string | null;
  startMs: number | null;
  notes: ReaderNote[];
}

export function readerNote(annotation: NumberedAnnotation): ReaderNote {
  const note: ReaderNote = {
    id: annotation.id,
    kind: annotation.kind,
    number: annotation.number,
    isMarked: annotation.isMarked,
    start: annotation.start,
    end: annotation.end,
  };
  if (annotation.claim) note.claim = annotation.claim;
  if (annotation.verdict) note.verdict = annotation.verdict;
  if (annotation.sources.length > 0) note.sources = annotation.sources;
  if (annotation.checker) note.checker = annotation.checker;
  if (!annotation.anchored && annotation.publishedExact) note.formerWords = annotation.publishedExact;
  return note;
}

export function readerParagraph(paragraph: ReadingParagraph): ReaderParagraph {
  return {
    id: paragraph.segment.id,
    number: paragraph.number,
    text: paragraph.segment.text,
    speakerId: paragraph.segment.speakerId,
    startMs: paragraph.segment.startMs,
    notes: paragraph.annotations.map(readerNote),
  };
}
