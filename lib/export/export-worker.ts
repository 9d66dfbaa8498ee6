// The worker thread that writes exports of long transcripts (lib/export/off-thread.ts runs it), bundled to
// dist/export-worker.mjs by scripts/build-ingest-worker.ts.
import { renderExport, type ExportFormat, type RenderedExport } from "./index";
import type { ExportTranscript } from "./model";

export interface ExportTask {
  format: ExportFormat;
  transcript: ExportTranscript;
}

export default async function renderExportTask({ format, transcript }: ExportTask): Promise<RenderedExport> {
  return renderExport(format, transcript);
}
