// The working copy as staff export it: current speaker names, live paragraphs in order, every live annotation
// (internal notes only when asked for, marked internal) and every correction. Access is the editor's rule: a
// transcript the actor may not see is the 404 a missing one is.
import { db } from "@/lib/db";
import { requireTranscriptFor } from "@/lib/transcripts/access";
import { readJson, sourcesSchema } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { absoluteUrl } from "@/lib/site";
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
  const transcript = await db.transcript.findUniqueOrThrow({
    where: { id: transcriptId },
    select: {
      slug: true,
      title: true,
      summary: true,
      occurredAt: true,
      place: true,
      language: true,
      sourceUrl: true,
      fidelity: true,
      fidelityConfirmedBy: { select: { name: true } },
      status: true,
      publicSlug: true,
      firstPublishedAt: true,
      updatedAt: true,
    },
  });
  const [segments, speakers, annotations, corrections] = await Promise.all([
    db.segment.findMany({
      where: { transcriptId, deletedAt: null },
      orderBy: { position: "asc" },
      select: { id: true, speakerId: true, text: true, startMs: true, endMs: true },
    }),
    db.speaker.findMany({
      where: { transcriptId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, title: true, role: true, outlet: true },
    }),
    db.annotation.findMany({
      where: {
        transcriptId,
        deletedAt: null,
        segment: { deletedAt: null },
        ...(includeNotes ? {} : { kind: { not: "NOTE" } }),
      },
      orderBy: [{ start: "asc" }, { createdAt: "asc" }],
      select: {
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
      },
    }),
    db.correction.findMany({
      where: { transcriptId },
      orderBy: { at: "asc" },
      select: { segmentId: true, before: true, after: true, reason: true, at: true },
    }),
  ]);
  const order = new Map(segments.map((segment, index) => [segment.id, index]));
  const speaking = new Set(segments.map((segment) => segment.speakerId));
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
    speakers: speakers.filter((speaker) => speaking.has(speaker.id)),
    segments,
    annotations: annotations
      .sort((a, b) => (order.get(a.segmentId) ?? 0) - (order.get(b.segmentId) ?? 0) || a.start - b.start)
      .map((annotation): ExportAnnotation => ({
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
    corrections: corrections.map((correction) => ({ ...correction, at: correction.at.toISOString() })),
  };
}
