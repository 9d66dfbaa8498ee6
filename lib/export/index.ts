// Exports of one transcript, by format: what the public route (/t/[slug]/export/[format]) and the staff route
// (/api/transcripts/[id]/export/[format]) both call. Framework-free; the routes only load the model and answer.
import { renderAnnotationsCsv } from "./csv";
import { renderDocx } from "./docx";
import { renderJson } from "./json";
import { renderMarkdown } from "./markdown";
import { isTimed, type ExportTranscript } from "./model";
import { renderSrt, renderVtt } from "./subtitles";
import { renderText } from "./text";

import { CONTENT_TYPES, SUBTITLE_FORMATS, type ExportFormat } from "./formats";

/** A subtitle format was asked of a transcript whose paragraphs have no times. */
export class NoTimingsError extends Error {
  constructor() {
    super("This transcript has no timings, so it has no SRT or WebVTT file. Download it as text, Word or JSON.");
    this.name = "NoTimingsError";
  }
}

export interface RenderedExport {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

export async function renderExport(format: ExportFormat, transcript: ExportTranscript): Promise<RenderedExport> {
  if (SUBTITLE_FORMATS.has(format) && !isTimed(transcript)) throw new NoTimingsError();
  const contentType = CONTENT_TYPES[format];
  const filename = format === "csv" ? `${transcript.slug}-annotations.csv` : `${transcript.slug}.${format}`;
  const body = await render(format, transcript);
  return { body, contentType, filename };
}

function render(format: ExportFormat, transcript: ExportTranscript): string | Promise<Uint8Array<ArrayBuffer>> {
  switch (format) {
    case "txt":
      return renderText(transcript);
    case "md":
      return renderMarkdown(transcript);
    case "srt":
      return renderSrt(transcript);
    case "vtt":
      return renderVtt(transcript);
    case "docx":
      return renderDocx(transcript);
    case "json":
      return renderJson(transcript);
    case "csv":
      return renderAnnotationsCsv(transcript);
  }
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback for old clients and the exact name (RFC 6266,
 * RFC 5987) for the rest.
 */
export function contentDisposition(filename: string): string {
  const fallback =
    filename
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "transcript";
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The response headers every export answers with (the routes add their own caching). */
export function exportHeaders(rendered: RenderedExport): Record<string, string> {
  return {
    "content-type": rendered.contentType,
    "content-disposition": contentDisposition(rendered.filename),
    "x-content-type-options": "nosniff",
  };
}

export * from "./formats";
export { isTimed, exportFromPublicTranscript, type ExportTranscript } from "./model";
