// The working copy, read whole: one loader for everything that needs the transcript as it stands now, so the
// snapshot an editor publishes (lib/publishing/snapshot.ts), the staff preview (same snapshot, never stored) and the
// staff exports (lib/export/staff-model.ts) all see the same paragraphs, speakers, annotations and word count. The
// editor's first load pages its paragraphs (lib/editor/queries.ts) and the pre-publish checks read a few columns
// (lib/publishing/workflow.ts): both choose their paragraphs with `liveSegments`, as this module does.
import type { Prisma } from "@/lib/generated/prisma/client";
import { countWords } from "@/lib/format/text";

type Client = Pick<
  Prisma.TransactionClient,
  "transcript" | "segment" | "annotation" | "speaker" | "sourceFile" | "transcriptEntity" | "correction"
>;

/** Paragraphs that are part of the transcript: not deleted. */
export const liveSegments = (transcriptId: string) =>
  ({ transcriptId, deletedAt: null }) satisfies Prisma.SegmentWhereInput;

/** Annotations that are part of the transcript: not deleted, on a paragraph that is not deleted. */
const liveAnnotations = (transcriptId: string, { includeNotes }: { includeNotes: boolean }) =>
  ({
    transcriptId,
    deletedAt: null,
    segment: { deletedAt: null },
    // Internal notes, and reporters' live notes an editor has not approved, stay on the desk unless the caller is
    // staff asking for them.
    ...(includeNotes ? {} : { kind: { not: "NOTE" as const }, awaitingApproval: false }),
  }) satisfies Prisma.AnnotationWhereInput;

const transcriptSelect = {
  slug: true,
  title: true,
  summary: true,
  occurredAt: true,
  place: true,
  language: true,
  sourceUrl: true,
  mediaUrl: true,
  fidelity: true,
  fidelityConfirmedBy: { select: { name: true } },
  tags: true,
  durationMs: true,
  status: true,
  publicSlug: true,
  firstPublishedAt: true,
  updatedAt: true,
} satisfies Prisma.TranscriptSelect;

const annotationSelect = {
  id: true,
  kind: true,
  segmentId: true,
  start: true,
  end: true,
  exact: true,
  status: true,
  body: true,
  verdict: true,
  claim: true,
  sources: true,
  checker: true,
  createdAt: true,
  author: { select: { name: true } },
} satisfies Prisma.AnnotationSelect;

export type WorkingCopyAnnotation = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

const segmentSelect = {
  id: true,
  speakerId: true,
  text: true,
  startMs: true,
  endMs: true,
} satisfies Prisma.SegmentSelect;
const speakerSelect = { id: true, name: true, title: true, role: true, outlet: true } satisfies Prisma.SpeakerSelect;
const sourceFileSelect = {
  filename: true,
  sha256: true,
  format: true,
  uploadedAt: true,
} satisfies Prisma.SourceFileSelect;
const entitySelect = {
  mentionCount: true,
  entity: { select: { id: true, type: true, name: true } },
} satisfies Prisma.TranscriptEntitySelect;
const correctionSelect = {
  id: true,
  segmentId: true,
  before: true,
  after: true,
  reason: true,
  at: true,
} satisfies Prisma.CorrectionSelect;

export interface WorkingCopy {
  transcript: Prisma.TranscriptGetPayload<{ select: typeof transcriptSelect }>;
  /** Live paragraphs in reading order. */
  segments: Prisma.SegmentGetPayload<{ select: typeof segmentSelect }>[];
  /** The speakers who have at least one live paragraph, in order of first appearance. */
  speakers: Prisma.SpeakerGetPayload<{ select: typeof speakerSelect }>[];
  /** Live annotations (notes only when asked for) in reading order: by paragraph, then by where they start. */
  annotations: WorkingCopyAnnotation[];
  sourceFiles: Prisma.SourceFileGetPayload<{ select: typeof sourceFileSelect }>[];
  /** Accepted entities, most mentioned first. */
  entities: Prisma.TranscriptEntityGetPayload<{ select: typeof entitySelect }>[];
  corrections: Prisma.CorrectionGetPayload<{ select: typeof correctionSelect }>[];
  /** The words of the live paragraphs, counted as everywhere else (lib/format/text.ts). */
  wordCount: number;
}

/** The whole working copy of one transcript. The caller has checked that the actor may see it. */
export async function loadWorkingCopy(
  client: Client,
  transcriptId: string,
  { includeNotes }: { includeNotes: boolean },
): Promise<WorkingCopy> {
  const transcript = await client.transcript.findUniqueOrThrow({
    where: { id: transcriptId },
    select: transcriptSelect,
  });
  const [segments, speakers, annotations, sourceFiles, entities, corrections] = await Promise.all([
    client.segment.findMany({
      where: liveSegments(transcriptId),
      orderBy: { position: "asc" },
      select: segmentSelect,
    }),
    client.speaker.findMany({
      where: { transcriptId },
      orderBy: { position: "asc" },
      select: speakerSelect,
    }),
    client.annotation.findMany({
      where: liveAnnotations(transcriptId, { includeNotes }),
      orderBy: [{ start: "asc" }, { createdAt: "asc" }],
      select: annotationSelect,
    }),
    client.sourceFile.findMany({
      where: { transcriptId },
      orderBy: { uploadedAt: "asc" },
      select: sourceFileSelect,
    }),
    client.transcriptEntity.findMany({
      where: { transcriptId, status: "ACCEPTED" },
      orderBy: [{ mentionCount: "desc" }, { entity: { name: "asc" } }],
      select: entitySelect,
    }),
    client.correction.findMany({
      where: { transcriptId },
      orderBy: { at: "asc" },
      select: correctionSelect,
    }),
  ]);
  const order = new Map(segments.map((segment, index) => [segment.id, index]));
  const speaking = new Set(segments.map((segment) => segment.speakerId));
  return {
    transcript,
    segments,
    speakers: speakers.filter((speaker) => speaking.has(speaker.id)),
    annotations: annotations.sort(
      (a, b) => (order.get(a.segmentId) ?? 0) - (order.get(b.segmentId) ?? 0) || a.start - b.start,
    ),
    sourceFiles,
    entities,
    corrections,
    wordCount: segments.reduce((total, segment) => total + countWords(segment.text), 0),
  };
}
