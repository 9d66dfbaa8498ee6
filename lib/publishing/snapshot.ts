// Freezing what readers see. A snapshot is built from the working copy when an editor publishes; a correction
// makes the next snapshot from the previous one with one paragraph changed, so private edits never leak out.
import { quoteSelector, reanchor } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readJson, sourcesSchema, tagsSchema } from "@/lib/json-columns";
import { publishedSnapshotSchema } from "@/lib/publishing/snapshot-schema";
import type { PublishedAnnotation, PublishedSnapshot } from "@/lib/publishing/types";
import { countWords } from "@/lib/format/text";

type Tx = Pick<
  Prisma.TransactionClient,
  "transcript" | "segment" | "annotation" | "speaker" | "sourceFile" | "transcriptEntity"
>;

/** The working copy as readers would see it now. `previous` carries each annotation's first published words. */
export async function buildSnapshot(
  tx: Tx,
  transcriptId: string,
  previous: PublishedSnapshot | null,
): Promise<PublishedSnapshot> {
  const transcript = await tx.transcript.findUniqueOrThrow({
    where: { id: transcriptId },
    select: {
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
    },
  });
  const [segments, speakers, annotations, sourceFiles, entities] = await Promise.all([
    tx.segment.findMany({
      where: { transcriptId, deletedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, speakerId: true, text: true, startMs: true, endMs: true },
    }),
    tx.speaker.findMany({
      where: { transcriptId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, title: true, role: true, outlet: true },
    }),
    tx.annotation.findMany({
      // Internal notes never leave the desk; an annotation waiting for review blocks publication before this.
      where: { transcriptId, deletedAt: null, status: "ANCHORED", kind: { not: "NOTE" }, segment: { deletedAt: null } },
      orderBy: [{ start: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        kind: true,
        segmentId: true,
        start: true,
        end: true,
        exact: true,
        body: true,
        verdict: true,
        claim: true,
        sources: true,
        checker: true,
      },
    }),
    tx.sourceFile.findMany({
      where: { transcriptId },
      orderBy: { uploadedAt: "asc" },
      select: { filename: true, sha256: true, format: true, uploadedAt: true },
    }),
    tx.transcriptEntity.findMany({
      where: { transcriptId, status: "ACCEPTED" },
      orderBy: [{ mentionCount: "desc" }, { entity: { name: "asc" } }],
      select: { mentionCount: true, entity: { select: { id: true, type: true, name: true } } },
    }),
  ]);
  const speaking = new Set(segments.map((segment) => segment.speakerId));
  const order = new Map(segments.map((segment, index) => [segment.id, index]));
  const firstPublished = new Map(previous?.annotations.map((annotation) => [annotation.id, annotation.publishedExact]));
  return {
    schema: 1,
    slug: transcript.slug,
    title: transcript.title,
    summary: transcript.summary,
    occurredAt: transcript.occurredAt?.toISOString() ?? null,
    place: transcript.place,
    language: transcript.language,
    sourceUrl: transcript.sourceUrl,
    mediaUrl: transcript.mediaUrl,
    fidelity: transcript.fidelity,
    fidelityCheckedBy: transcript.fidelityConfirmedBy?.name ?? null,
    tags: readJson(tagsSchema, transcript.tags, []),
    wordCount: segments.reduce((total, segment) => total + countWords(segment.text), 0),
    durationMs: transcript.durationMs,
    sourceFiles: sourceFiles.map((file) => ({ ...file, uploadedAt: file.uploadedAt.toISOString() })),
    speakers: speakers.filter((speaker) => speaking.has(speaker.id)),
    segments,
    annotations: annotations
      .sort((a, b) => (order.get(a.segmentId) ?? 0) - (order.get(b.segmentId) ?? 0) || a.start - b.start)
      .map((annotation) => ({
        id: annotation.id,
        kind: annotation.kind as PublishedAnnotation["kind"],
        segmentId: annotation.segmentId,
        start: annotation.start,
        end: annotation.end,
        exact: annotation.exact,
        publishedExact: firstPublished.get(annotation.id) ?? annotation.exact,
        anchored: true,
        body: annotation.body,
        verdict: annotation.verdict,
        claim: annotation.claim,
        sources: readJson(sourcesSchema, annotation.sources, []),
        checker: annotation.checker,
      })),
    entities: entities.map(({ entity, mentionCount }) => ({ ...entity, mentionCount })),
  };
}

/**
 * The published snapshot with one paragraph's text replaced, as a correction publishes it: its annotations
 * re-anchored on the new words (one whose words are gone stays, unanchored, beside the paragraph).
 */
export function correctSnapshot(snapshot: PublishedSnapshot, segmentId: string, text: string): PublishedSnapshot {
  const segment = snapshot.segments.find((candidate) => candidate.id === segmentId);
  if (!segment) throw new Error(`Segment ${segmentId} is not in the snapshot.`);
  const before = segment.text;
  return {
    ...snapshot,
    wordCount: snapshot.wordCount - countWords(before) + countWords(text),
    segments: snapshot.segments.map((candidate) => (candidate.id === segmentId ? { ...candidate, text } : candidate)),
    annotations: snapshot.annotations.map((annotation) => {
      if (annotation.segmentId !== segmentId || !annotation.anchored) return annotation;
      const range = { start: annotation.start, end: annotation.end };
      const moved = reanchor(before, text, { ...range, quote: quoteSelector(before, range) });
      if (moved.status !== "anchored") return { ...annotation, anchored: false };
      return { ...annotation, start: moved.start, end: moved.end, exact: moved.quote.exact };
    }),
  };
}

export function readSnapshot(content: string): PublishedSnapshot {
  return publishedSnapshotSchema.parse(JSON.parse(content)) as PublishedSnapshot;
}

export function writeSnapshot(snapshot: PublishedSnapshot): string {
  return JSON.stringify(publishedSnapshotSchema.parse(snapshot));
}
