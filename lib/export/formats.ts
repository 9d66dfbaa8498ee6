// The export formats and their names: light enough for the download menus (client components) to import, without
// the renderers behind them.
import { isTimed, type ExportTranscript } from "./model";

export const PUBLIC_EXPORT_FORMATS = ["txt", "md", "srt", "vtt", "docx", "json"] as const;
export const STAFF_EXPORT_FORMATS = [...PUBLIC_EXPORT_FORMATS, "csv"] as const;
export type PublicExportFormat = (typeof PUBLIC_EXPORT_FORMATS)[number];
export type ExportFormat = (typeof STAFF_EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  txt: "Plain text (.txt)",
  md: "Markdown (.md)",
  srt: "Subtitles, SubRip (.srt)",
  vtt: "Subtitles, WebVTT (.vtt)",
  docx: "Word (.docx)",
  json: "JSON (.json)",
  csv: "Annotations (CSV)",
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  srt: "application/x-subrip; charset=utf-8",
  vtt: "text/vtt; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

export const SUBTITLE_FORMATS: ReadonlySet<ExportFormat> = new Set(["srt", "vtt"]);

export function isPublicExportFormat(value: string): value is PublicExportFormat {
  return (PUBLIC_EXPORT_FORMATS as readonly string[]).includes(value);
}

export function isExportFormat(value: string): value is ExportFormat {
  return (STAFF_EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The formats that apply to this transcript: no subtitles without timings. */
export function availableFormats<F extends ExportFormat>(
  formats: readonly F[],
  transcript: Pick<ExportTranscript, "segments">,
): F[] {
  const timed = isTimed(transcript);
  return formats.filter((format) => timed || !SUBTITLE_FORMATS.has(format));
}
