// The entry point of an ingestion worker thread (bundled to dist/ingest-worker.mjs by scripts/build-ingest-worker.ts
// and run by piscina from lib/ingest/pool.ts). Only data crosses the thread boundary: a refusal comes back as its
// code and message, and the main thread turns it into an IngestError again.
import type { MessagePort } from "node:worker_threads";
import { ingestFile } from "./pipeline";
import { IngestError, type IngestInput, type IngestOptions, type IngestResult } from "./types";

export interface IngestTask {
  input: IngestInput;
  options: IngestOptions;
  /** Told when the task starts running, so the time limit does not count time spent waiting in the queue. */
  started: MessagePort;
}

export type IngestTaskOutcome =
  { ok: true; result: IngestResult } | { ok: false; error: { code: IngestError["code"]; message: string } };

export default async function runIngestTask({ input, options, started }: IngestTask): Promise<IngestTaskOutcome> {
  started.postMessage("started");
  started.close();
  try {
    return { ok: true, result: await ingestFile(input, options) };
  } catch (error) {
    if (error instanceof IngestError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}
