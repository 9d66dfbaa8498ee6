// What every export format reads: one transcript, framework-free. The public exports build it from the published
// snapshot (lib/publishing/public-queries.ts), the staff ones from the working copy (staff-model.ts), so renamed
// speakers and corrections reach every format by construction: each format only ever sees this model.
import type { AnnotationKind, AnnotationStatus, Fidelity, Verdict } from "@/lib/generated/prisma/enums";
import type {
  PublicCorrection,
  PublicTranscript,
  PublishedSegment,
  PublishedSource,
  PublishedSpeaker,
} from "@/lib/publishing/types";

export interface ExportAnnotation {
  id: string;
  kind: AnnotationKind;
  segmentId: string;
  /** Character offsets into the segment's text; meaningful only while `anchored`. */
  start: number;
  end: number;
  exact: string;
  /** False when its words are gone (a correction removed them, or it waits for review on the desk). */
  anchored: boolean;
  /** Markdown. */
  body: string;
  verdict: Verdict | null;
  claim: string | null;
  sources: PublishedSource[];
  checker: string | null;
  /** An internal note (kind NOTE): only ever in a staff export that asked for notes. */
  internal: boolean;
  /** Staff exports only: who wrote it, when, and whether it waits for review. */
  author: string | null;
  createdAt: string | null;
  status: AnnotationStatus | null;
}

export interface ExportCorrection {
  segmentId: string;
  before: string;
  after: string;
  reason: string;
  /** ISO. */
  at: string;
}

export interface ExportTranscript {
  slug: string;
  title: string;
  summary: string | null;
  /** The event's date, ISO (midnight UTC), when known. */
  occurredAt: string | null;
  place: string | null;
  language: string | null;
  sourceUrl: string | null;
  fidelity: Fidelity;
  fidelityCheckedBy: string | null;
  /** The public reading page, absolute, when the transcript is published. */
  url: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  speakers: PublishedSpeaker[];
  /** Live paragraphs, in reading order. */
  segments: PublishedSegment[];
  /** In reading order. Internal notes only in a staff export that asked for them. */
  annotations: ExportAnnotation[];
  corrections: ExportCorrection[];
}

/** The published transcript as readers see it: its snapshot's names and corrected words, no internal notes. */
export function exportFromPublicTranscript(transcript: PublicTranscript, { url }: { url: string }): ExportTranscript {
  return {
    slug: transcript.slug,
    title: transcript.title,
    summary: transcript.summary,
    occurredAt: transcript.occurredAt,
    place: transcript.place,
    language: transcript.language,
    sourceUrl: transcript.sourceUrl,
    fidelity: transcript.fidelity,
    fidelityCheckedBy: transcript.fidelityCheckedBy,
    url,
    publishedAt: transcript.publishedAt,
    updatedAt: transcript.updatedAt,
    speakers: transcript.speakers,
    segments: transcript.segments,
    annotations: transcript.annotations.map((annotation) => ({
      id: annotation.id,
      kind: annotation.kind,
      segmentId: annotation.segmentId,
      start: annotation.start,
      end: annotation.end,
      // A quote whose words a correction removed still says what it was attached to.
      exact: annotation.anchored ? annotation.exact : annotation.publishedExact,
      anchored: annotation.anchored,
      body: annotation.body,
      verdict: annotation.verdict,
      claim: annotation.claim,
      sources: annotation.sources,
      checker: annotation.checker,
      internal: false,
      author: null,
      createdAt: null,
      status: null,
    })),
    corrections: transcript.corrections.map(
      ({ segmentId, before, after, reason, at }: PublicCorrection): ExportCorrection => ({
        segmentId,
        before,
        after,
        reason,
        at,
      }),
    ),
  };
}

/** True when some paragraph has a time: then subtitles can be made (missing times are filled in, see subtitles.ts). */
export function isTimed(transcript: Pick<ExportTranscript, "segments">): boolean {
  return transcript.segments.some((segment) => segment.startMs !== null);
}

/** Looks up speakers, paragraph numbers and annotations by id; every format needs the same three. */
export class ExportIndex {
  private readonly speakers: Map<string, PublishedSpeaker>;
  private readonly numbers: Map<string, number>;
  private readonly bySegment = new Map<string, ExportAnnotation[]>();

  constructor(readonly transcript: ExportTranscript) {
    this.speakers = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker]));
    this.numbers = new Map(transcript.segments.map((segment, index) => [segment.id, index + 1]));
    for (const annotation of transcript.annotations) {
      const list = this.bySegment.get(annotation.segmentId);
      if (list) list.push(annotation);
      else this.bySegment.set(annotation.segmentId, [annotation]);
    }
  }

  speakerOf(segment: Pick<PublishedSegment, "speakerId">): PublishedSpeaker | null {
    return segment.speakerId === null ? null : (this.speakers.get(segment.speakerId) ?? null);
  }

  speakerName(segment: Pick<PublishedSegment, "speakerId">): string | null {
    return this.speakerOf(segment)?.name ?? null;
  }

  /** 1-based, as the reading page's #p-N anchors; null for a paragraph no longer in the transcript. */
  paragraphNumber(segmentId: string): number | null {
    return this.numbers.get(segmentId) ?? null;
  }

  /** By paragraph, then by where their words start: the order a reader meets them, and their footnote numbers. */
  annotationsInReadingOrder(): ExportAnnotation[] {
    const position = (annotation: ExportAnnotation) => this.numbers.get(annotation.segmentId) ?? Infinity;
    return [...this.transcript.annotations].sort(
      (a, b) => position(a) - position(b) || Number(!a.anchored) - Number(!b.anchored) || a.start - b.start,
    );
  }

  annotationsOf(segmentId: string): ExportAnnotation[] {
    return this.bySegment.get(segmentId) ?? [];
  }
}
