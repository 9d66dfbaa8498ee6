// Exports of long transcripts are written off the thread that answers requests: a Word file of a 10,000-paragraph
// hearing takes about half a second of CPU, which on the request thread every other reader would wait through. A
// worker thread of its own writes it (one, started on first use and stopped when idle); short transcripts and the
// quick formats (text, Markdown, subtitles, JSON: milliseconds even for a hearing) stay on the request thread.
import path from "node:path";
import Piscina from "piscina";
import type { ExportTask } from "./export-worker";
import { NoTimingsError, renderExport, SUBTITLE_FORMATS, type ExportFormat, type RenderedExport } from "./index";
import { isTimed, type ExportTranscript } from "./model";

/** Paragraphs above which a Word file is written in the worker. */
export const WORKER_EXPORT_PARAGRAPHS = 500;
/** An export runs with this much less priority than the thread serving pages, as uploads do. */
const WORKER_NICE_INCREMENT = 10;

/** Which exports go to the worker: Word files of long transcripts. */
export function rendersInWorker(format: ExportFormat, transcript: ExportTranscript): boolean {
  return format === "docx" && transcript.segments.length > WORKER_EXPORT_PARAGRAPHS;
}

// One pool per process, kept on globalThis so that Next's separately bundled route chunks share it.
const globalForPool = globalThis as typeof globalThis & { verbatimExportPool?: Piscina<ExportTask, RenderedExport> };

function pool(): Piscina<ExportTask, RenderedExport> {
  globalForPool.verbatimExportPool ??= new Piscina<ExportTask, RenderedExport>({
    // Built by scripts/build-ingest-worker.ts (`npm run build`).
    filename: path.join(/*turbopackIgnore: true*/ process.cwd(), "dist", "export-worker.mjs"),
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
    niceIncrement: WORKER_NICE_INCREMENT,
  });
  return globalForPool.verbatimExportPool;
}

/** Stops the worker (tests, and a process that is ending). */
export async function closeExportPool(): Promise<void> {
  const running = globalForPool.verbatimExportPool;
  globalForPool.verbatimExportPool = undefined;
  await running?.destroy();
}

export async function renderExportOffThread(
  format: ExportFormat,
  transcript: ExportTranscript,
): Promise<RenderedExport> {
  if (!rendersInWorker(format, transcript)) return renderExport(format, transcript);
  // Checked here: an error's class does not survive the trip back from a worker.
  if (SUBTITLE_FORMATS.has(format) && !isTimed(transcript)) throw new NoTimingsError();
  const rendered = await pool().run({ format, transcript });
  // Structured clone gives back a plain Uint8Array.
  return { ...rendered, body: typeof rendered.body === "string" ? rendered.body : new Uint8Array(rendered.body) };
}
