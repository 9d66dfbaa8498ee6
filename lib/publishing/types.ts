// What readers see. A PublishedSnapshot is frozen into Publication.content when an editor publishes, republishes
// or corrects; the public pages read only these (never the working copy), through lib/publishing/public-queries.ts.
import type { AnnotationKind, EntityType, Fidelity, SpeakerRole, Verdict } from "@/lib/generated/prisma/enums";

export type PublicAnnotationKind = Exclude<AnnotationKind, "NOTE">;

export interface PublishedSpeaker {
  id: string;
  name: string;
  title: string | null;
  role: SpeakerRole | null;
  outlet: string | null;
}

export interface PublishedSegment {
  id: string;
  speakerId: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
}

export interface PublishedSource {
  url: string;
  title?: string;
}

export interface PublishedAnnotation {
  id: string;
  kind: PublicAnnotationKind;
  segmentId: string;
  /** Character offsets into the segment's text; meaningful only while `anchored`. */
  start: number;
  end: number;
  /** The words it is attached to now. */
  exact: string;
  /** The words it was attached to when first published: a quote whose words a correction changed says so. */
  publishedExact: string;
  /** False when a correction removed the words it was attached to: it is shown beside the paragraph instead. */
  anchored: boolean;
  /** Markdown (no raw HTML). */
  body: string;
  verdict: Verdict | null;
  claim: string | null;
  sources: PublishedSource[];
  checker: string | null;
}

/** An entity staff accepted for the transcript: its topic, person, organisation and place pages list it. */
export interface PublishedEntity {
  id: string;
  type: EntityType;
  name: string;
  mentionCount: number;
}

export interface PublishedSourceFile {
  filename: string;
  sha256: string;
  format: string;
  uploadedAt: string;
}

/**
 * Who is credited on a publication, as user ids (lib/publishing/credits.ts): names, author pages and the opt-out are
 * read live when pages render, so a rename or an opt-out reaches every page at once.
 */
export interface PublishedCredits {
  /** The staff who transcribed and annotated it, in byline order. */
  authors: string[];
  /** The editor who published it. */
  editor: string | null;
  /** Who confirmed the fidelity label ("checked by …"), read live like the others. Absent in older snapshots. */
  checker?: string | null;
}

/** Publication.content. Dates are ISO strings: it is JSON in the database and in Next's cache. */
export interface PublishedSnapshot {
  schema: 1;
  slug: string;
  title: string;
  summary: string | null;
  /** The event's date (ISO, midnight UTC), when known. */
  occurredAt: string | null;
  place: string | null;
  language: string | null;
  sourceUrl: string | null;
  mediaUrl: string | null;
  fidelity: Fidelity;
  /** Who confirmed the fidelity label: "Machine transcript, checked by …". */
  fidelityCheckedBy: string | null;
  tags: string[];
  wordCount: number;
  durationMs: number | null;
  sourceFiles: PublishedSourceFile[];
  speakers: PublishedSpeaker[];
  /** Live paragraphs, in reading order. */
  segments: PublishedSegment[];
  /** Context, fact-checks and key quotes. Internal notes are never in a snapshot. */
  annotations: PublishedAnnotation[];
  /** Accepted entities (suggestions nobody reviewed are not public). Empty in snapshots older than this field. */
  entities: PublishedEntity[];
  /** Who transcribed, annotated and published it. Empty in snapshots older than this field (the newsroom is named). */
  credits: PublishedCredits;
}

export interface PublicCorrection {
  id: string;
  segmentId: string;
  before: string;
  after: string;
  reason: string;
  at: string;
}

/** A published transcript as its reading page needs it. */
export interface PublicTranscript extends PublishedSnapshot {
  id: string;
  /** "/t/<slug>" */
  path: string;
  /** When it first went public. */
  publishedAt: string;
  /** When the public version last changed (a republication or a correction), if it has since. */
  updatedAt: string | null;
  corrections: PublicCorrection[];
  /** Where each part of the reading page starts: 0-based paragraph indexes, `[0]` for one page (lib/publishing/parts.ts). */
  partStarts: number[];
}

/** One key quote, for its permalink page and card image. */
export interface PublicQuote {
  id: string;
  transcript: Pick<
    PublicTranscript,
    "id" | "path" | "title" | "occurredAt" | "place" | "publishedAt" | "fidelity" | "fidelityCheckedBy"
  >;
  speaker: PublishedSpeaker | null;
  segmentId: string;
  /** 1-based paragraph number, for the citation. */
  paragraphNumber: number;
  /** The part of the reading page that holds the paragraph: `/t/<slug>`, or `/t/<slug>/part/<k>` on a long one. */
  paragraphPath: string;
  startMs: number | null;
  /** The quote's words as published now. */
  text: string;
  /** Set when a correction changed the quote's words since it was first published. */
  changedByCorrection: { originalText: string; at: string; reason: string } | null;
  /** The annotation's own comment (Markdown), if any. */
  body: string;
}

/** A correction in the site-wide list at /corrections. */
export interface PublicCorrectionListItem extends PublicCorrection {
  transcript: { title: string; path: string };
}

export interface PublicTranscriptListItem {
  id: string;
  title: string;
  path: string;
  summary: string | null;
  occurredAt: string | null;
  place: string | null;
  publishedAt: string;
  updatedAt: string | null;
  speakers: string[];
  wordCount: number;
  fidelity: Fidelity;
}
