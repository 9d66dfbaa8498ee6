// Reading a transcript for the editor: the page's starting data, and further pages of paragraphs for big ones.
import { db } from "@/lib/db";
import { listMentionsNeedingReview } from "@/lib/editor/review";
import { cleanupReportSchema, readJson, warningsSchema } from "@/lib/json-columns";
import type { Actor } from "@/lib/permissions";
import { findTranscriptFor, requireTranscriptFor } from "@/lib/transcripts/access";
import { liveSegments } from "@/lib/transcripts/working-copy";
import {
  annotationSelect,
  entitySelect,
  segmentSelect,
  speakerSelect,
  toEditorAnnotation,
  toEditorEntity,
  toEditorSegment,
  toEditorSpeaker,
  toEditorTranscriptMeta,
  transcriptMetaSelect,
} from "@/lib/editor/serialize";
import type { EditorBootstrap, EditorSegment, EditorSpeaker, EditorViewer } from "@/lib/editor/types";
import { FIRST_PAGE } from "@/lib/editor/paging";

export { FIRST_PAGE, MAX_PAGE } from "@/lib/editor/paging";

export async function loadSegmentPage(transcriptId: string, from: number, take: number): Promise<EditorSegment[]> {
  const rows = await db.segment.findMany({
    where: liveSegments(transcriptId),
    orderBy: { position: "asc" },
    skip: from,
    take,
    select: segmentSelect,
  });
  return rows.map((row, index) => toEditorSegment(row, from + index));
}

/** Everything the editor page starts from; null when the transcript is missing or not the viewer's to see. */
export async function loadEditorBootstrap(
  viewer: Actor & { name: string },
  transcriptId: string,
): Promise<EditorBootstrap | null> {
  if (!(await findTranscriptFor(viewer, transcriptId))) return null;
  const [row, segmentCount, segments, speakers, annotations, entities, source, deleted, reviewMentions] =
    await Promise.all([
      db.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: transcriptMetaSelect }),
      db.segment.count({ where: liveSegments(transcriptId) }),
      loadSegmentPage(transcriptId, 0, FIRST_PAGE),
      db.speaker.findMany({ where: { transcriptId }, orderBy: { position: "asc" }, select: speakerSelect }),
      db.annotation.findMany({
        where: { transcriptId, deletedAt: null },
        orderBy: [{ segment: { position: "asc" } }, { start: "asc" }],
        select: annotationSelect,
      }),
      db.transcriptEntity.findMany({
        // A suggestion with no mention left is not listed (components/editor/entities-panel.tsx hides it too).
        where: { transcriptId, NOT: { status: "SUGGESTED", mentionCount: 0 } },
        orderBy: [{ mentionCount: "desc" }, { entity: { name: "asc" } }],
        select: entitySelect,
      }),
      db.sourceFile.findFirst({
        where: { transcriptId },
        orderBy: { uploadedAt: "asc" },
        select: {
          id: true,
          filename: true,
          format: true,
          encoding: true,
          size: true,
          sha256: true,
          uploadedAt: true,
          cleanupReport: true,
          warnings: true,
          uploadedBy: { select: { name: true } },
        },
      }),
      db.segment.findMany({
        where: { transcriptId, deletedAt: { not: null } },
        orderBy: { deletedAt: "desc" },
        take: 200,
        select: { id: true, text: true, deletedAt: true, version: true },
      }),
      listMentionsNeedingReview(db, transcriptId),
    ]);
  const report = source ? readJson(cleanupReportSchema, source.cleanupReport, { removed: [], restored: [] }) : null;
  const viewerJson: EditorViewer = { id: viewer.id, name: viewer.name, role: viewer.role };
  return {
    transcript: toEditorTranscriptMeta(row, segmentCount),
    speakers: speakers.map(toEditorSpeaker),
    segments,
    annotations: annotations.map(toEditorAnnotation),
    entities: entities.map(toEditorEntity),
    mentionsNeedingReview: reviewMentions,
    viewer: viewerJson,
    source:
      source && report
        ? {
            id: source.id,
            filename: source.filename,
            format: source.format,
            encoding: source.encoding,
            size: source.size,
            sha256: source.sha256,
            uploadedAt: source.uploadedAt.toISOString(),
            uploadedBy: source.uploadedBy.name,
            removed: report.removed.map(({ id, line, text, reason }) => ({ id, line, text, reason })),
            restored: report.restored,
            warnings: readJson(warningsSchema, source.warnings, []),
          }
        : null,
    deletedSegments: deleted.map((segment) => ({
      id: segment.id,
      text: segment.text,
      deletedAt: segment.deletedAt!.toISOString(),
    })),
  };
}

/** GET /api/transcripts/:id: the transcript and a page of its paragraphs. */
export async function getTranscriptPage(actor: Actor, transcriptId: string, from: number, take: number) {
  await requireTranscriptFor(actor, transcriptId);
  const [row, segmentCount, speakers, segments] = await Promise.all([
    db.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: transcriptMetaSelect }),
    db.segment.count({ where: liveSegments(transcriptId) }),
    db.speaker.findMany({ where: { transcriptId }, orderBy: { position: "asc" }, select: speakerSelect }),
    loadSegmentPage(transcriptId, from, take),
  ]);
  const meta = toEditorTranscriptMeta(row, segmentCount);
  const speakerJson: EditorSpeaker[] = speakers.map(toEditorSpeaker);
  return {
    id: meta.id,
    slug: meta.slug,
    title: meta.title,
    status: meta.status,
    version: meta.version,
    revision: meta.revision,
    segmentCount,
    from,
    take,
    speakers: speakerJson.map(({ id, name, title, role, outlet }) => ({ id, name, title, role, outlet })),
    segments,
  };
}
