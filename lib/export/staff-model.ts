// The working copy as staff export it: current speaker names, live paragraphs in order, every live annotation
// (internal notes only when asked for, marked internal) and every correction. Access is the editor's rule: a
// transcript the actor may not see is the 404 a missing one is.
import { db } from "@/lib/db";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { readJson, sourcesSchema } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { absoluteUrl } from "@/lib/site";
import { loadWorkingCopy } from "@/lib/transcripts/working-copy";
import type { ExportAnnotation, ExportTranscript } from "./model";

export interface StaffExportOptions {
  /** Add internal notes (kind NOTE), each marked internal. */
  includeNotes: boolean;
}

export async function loadStaffExport(
  actor: Actor,
  transcriptId: string,
  { includeNotes }: StaffExportOptions,
): Promise<ExportTranscript> {
  await requireTranscriptFor(actor, transcriptId);
  const copy = await loadWorkingCopy(db, transcriptId, { includeNotes });
  const { transcript } = copy;
  const isPublic = transcript.status === "PUBLISHED" && transcript.publicSlug !== null;
  return {
    slug: transcript.slug,
    title: transcript.title,
    summary: transcript.summary,
    occurredAt: transcript.occurredAt?.toISOString() ?? null,
    place: transcript.place,
    language: transcript.language,
    sourceUrl: transcript.sourceUrl,
    fidelity: transcript.fidelity,
    fidelityCheckedBy: transcript.fidelityConfirmedBy?.name ?? null,
    url: isPublic ? absoluteUrl(`/t/${transcript.publicSlug}`) : null,
    publishedAt: transcript.firstPublishedAt?.toISOString() ?? null,
    updatedAt: transcript.updatedAt.toISOString(),
    speakers: copy.speakers,
    segments: copy.segments,
    annotations: copy.annotations.map((annotation): ExportAnnotation => ({
      id: annotation.id,
      kind: annotation.kind,
      segmentId: annotation.segmentId,
      start: annotation.start,
      end: annotation.end,
      exact: annotation.exact,
      anchored: annotation.status === "ANCHORED",
      body: annotation.body,
      verdict: annotation.verdict,
      claim: annotation.claim,
      sources: readJson(sourcesSchema, annotation.sources, []),
      checker: annotation.checker,
      internal: annotation.kind === "NOTE",
      author: annotation.author.name,
      createdAt: annotation.createdAt.toISOString(),
      status: annotation.status,
    })),
    corrections: copy.corrections.map(({ segmentId, before, after, reason, at }) => ({
      segmentId,
      before,
      after,
      reason,
      at: at.toISOString(),
    })),
  };
}
