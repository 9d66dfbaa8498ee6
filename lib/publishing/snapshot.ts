// Freezing what readers see. A snapshot is built from the working copy when an editor publishes; a correction
// makes the next snapshot from the previous one with one paragraph changed, so private edits never leak out.
import { quoteSelector, reanchor } from "@/lib/anchoring";
import { readJson, sourcesSchema, tagsSchema } from "@/lib/json-columns";
import { publishedSnapshotSchema } from "@/lib/publishing/snapshot-schema";
import type { PublishedAnnotation, PublishedCredits, PublishedSnapshot } from "@/lib/publishing/types";
import { countWords } from "@/lib/format/text";
import { loadWorkingCopy, type WorkingCopy } from "@/lib/transcripts/working-copy";

type Tx = Parameters<typeof loadWorkingCopy>[0];

/** Nobody credited: a preview, or a snapshot from before bylines (the page names the newsroom). */
export const NO_CREDITS: PublishedCredits = { authors: [], editor: null };

/** The working copy as readers would see it now. `previous` carries each annotation's first published words. */
export async function buildSnapshot(
  tx: Tx,
  transcriptId: string,
  previous: PublishedSnapshot | null,
): Promise<PublishedSnapshot> {
  return snapshotOf(await loadWorkingCopy(tx, transcriptId, { includeNotes: false }), previous);
}

/**
 * What readers would see of a working copy: no internal notes, and only annotations anchored on their words. The
 * credits are the publisher's to add (lib/publishing/credits.ts).
 */
export function snapshotOf(
  copy: WorkingCopy,
  previous: PublishedSnapshot | null,
  credits: PublishedCredits = NO_CREDITS,
): PublishedSnapshot {
  const { transcript } = copy;
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
    wordCount: copy.wordCount,
    durationMs: transcript.durationMs,
    sourceFiles: copy.sourceFiles.map((file) => ({ ...file, uploadedAt: file.uploadedAt.toISOString() })),
    speakers: copy.speakers,
    segments: copy.segments,
    // Internal notes never leave the desk; an annotation waiting for review blocks publication before this.
    annotations: copy.annotations
      .filter((annotation) => annotation.status === "ANCHORED" && annotation.kind !== "NOTE")
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
    entities: copy.entities.map(({ entity, mentionCount }) => ({ ...entity, mentionCount })),
    credits,
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
