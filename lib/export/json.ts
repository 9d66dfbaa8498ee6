// The JSON export: transcript-export.schema.json, built from the export model with names rather than ids (as the
// ingest JSON has them) and paragraph numbers for positions.
import { publicFidelityLabel } from "@/lib/publishing/labels";
import { EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION, type TranscriptExportDocument } from "./json-schema";
import { ExportIndex, isTimed, type ExportTranscript } from "./model";

type Role = TranscriptExportDocument["speakers"][number]["role"];
type Kind = TranscriptExportDocument["annotations"][number]["kind"];
type Verdict = TranscriptExportDocument["annotations"][number]["verdict"];

export function buildJsonExport(transcript: ExportTranscript): TranscriptExportDocument {
  const index = new ExportIndex(transcript);
  return {
    format: EXPORT_FORMAT_NAME,
    version: EXPORT_FORMAT_VERSION,
    title: transcript.title,
    slug: transcript.slug,
    url: transcript.url,
    summary: transcript.summary,
    occurredAt: transcript.occurredAt ? transcript.occurredAt.slice(0, 10) : null,
    place: transcript.place,
    language: transcript.language,
    sourceUrl: transcript.sourceUrl,
    fidelity: transcript.fidelity,
    fidelityLabel: publicFidelityLabel(transcript.fidelity, transcript.fidelityCheckedBy),
    publishedAt: transcript.publishedAt,
    updatedAt: transcript.updatedAt,
    timed: isTimed(transcript),
    speakers: transcript.speakers.map((speaker) => ({
      name: speaker.name,
      title: speaker.title,
      role: (speaker.role?.toLowerCase() ?? null) as Role,
      outlet: speaker.outlet,
    })),
    segments: transcript.segments.map((segment, position) => ({
      number: position + 1,
      speaker: index.speakerName(segment),
      text: segment.text,
      startMs: segment.startMs,
      endMs: segment.endMs,
    })),
    annotations: transcript.annotations.flatMap((annotation) => {
      const segment = index.paragraphNumber(annotation.segmentId);
      if (segment === null) return [];
      return [
        {
          kind: annotation.kind.toLowerCase() as Kind,
          internal: annotation.internal,
          segment,
          start: annotation.start,
          end: annotation.end,
          exact: annotation.exact,
          anchored: annotation.anchored,
          body: annotation.body,
          verdict: (annotation.verdict?.toLowerCase() ?? null) as Verdict,
          claim: annotation.claim,
          sources: annotation.sources,
          checker: annotation.checker,
          ...(annotation.author !== null || annotation.createdAt !== null
            ? { author: annotation.author, createdAt: annotation.createdAt }
            : {}),
        },
      ];
    }),
    corrections: transcript.corrections.map((correction) => ({
      segment: index.paragraphNumber(correction.segmentId),
      before: correction.before,
      after: correction.after,
      reason: correction.reason,
      at: correction.at,
    })),
  };
}

export function renderJson(transcript: ExportTranscript): string {
  return `${JSON.stringify(buildJsonExport(transcript), null, 2)}\n`;
}
