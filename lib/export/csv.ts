// A transcript's annotations alone, for staff: one row per annotation, internal notes included and marked, in
// reading order. UTF-8 with a byte order mark, so spreadsheet programs read accents right.
import { stringify } from "csv-stringify/sync";
import { VERDICT_LABELS } from "@/lib/publishing/labels";
import { ExportIndex, type ExportTranscript } from "./model";
import { annotationLabel } from "./notes";

export const CSV_COLUMNS = [
  "kind",
  "internal",
  "status",
  "paragraph",
  "speaker",
  "exact text",
  "body",
  "verdict",
  "claim",
  "sources",
  "checker",
  "author",
  "created",
] as const;

/** A cell a spreadsheet would run as a formula ("=HYPERLINK(…)") is written as text. */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function renderAnnotationsCsv(transcript: ExportTranscript): string {
  const index = new ExportIndex(transcript);
  const rows = transcript.annotations.map((annotation) => {
    const segment = transcript.segments.find((candidate) => candidate.id === annotation.segmentId);
    const cells = [
      annotation.internal ? "Internal note" : annotationLabel({ kind: annotation.kind, verdict: null }),
      annotation.internal ? "yes" : "no",
      annotation.status === "NEEDS_REVIEW" ? "needs review" : annotation.anchored ? "anchored" : "detached",
      String(index.paragraphNumber(annotation.segmentId) ?? ""),
      segment ? (index.speakerName(segment) ?? "") : "",
      annotation.exact,
      annotation.body,
      annotation.verdict ? VERDICT_LABELS[annotation.verdict] : "",
      annotation.claim ?? "",
      annotation.sources.map((source) => (source.title ? `${source.title} <${source.url}>` : source.url)).join("; "),
      annotation.checker ?? "",
      annotation.author ?? "",
      annotation.createdAt ?? "",
    ];
    return cells.map(inert);
  });
  return stringify([[...CSV_COLUMNS], ...rows], { bom: true, record_delimiter: "windows" });
}
