// Parsing off the request path: every upload is read in a worker thread from one piscina pool per process, sized to
// the machine, so the server's event loop keeps answering pages while large files parse and parallel uploads use
// every core. Each file gets a time limit and each thread a memory limit; a file that breaks either is refused, and
// piscina replaces the thread it was killed in. The API route, the desk's uploads and the CLI all come through here.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import Piscina from "piscina";
import { assertIngestSize, maxIngestBytes, maxUnpackedBytes } from "@/lib/ingest/limits";
import { IngestError, type IngestInput, type IngestOptions, type IngestResult } from "@/lib/ingest/types";
import type { IngestTask, IngestTaskOutcome, StoreInstructions, StoredDraftSummary } from "./ingest-worker";
import { errorFields, log } from "@/lib/ops/log";
import { currentRequestId } from "@/lib/ops/request-context";

export type { StoreInstructions, StoredDraftSummary };

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MEMORY_MB = 512;
/** Parsing yields the CPU to the thread that serves pages: a worker runs this much "nicer" than the server. */
const WORKER_NICE_INCREMENT = 10;

export interface IngestPoolOptions {
  /** Worker threads. Default: INGEST_WORKERS, else os.availableParallelism(). */
  threads?: number;
  /** Heap limit of each worker, in MB. Default: INGEST_WORKER_MEMORY_MB, else 512. */
  memoryMb?: number;
  /** Time limit per file, counted from when a worker starts on it. Default: INGEST_TIMEOUT_MS, else 60 s. */
  timeoutMs?: number;
  /** Files waiting for a worker before new ones are refused as BUSY. Default: 4 per thread. */
  maxQueue?: number;
  /** The bundled worker. Default: dist/ingest-worker.mjs in the project folder. */
  workerFile?: string;
}

export interface IngestInWorkerOptions extends IngestOptions {
  /** Overrides the pool's time limit for this file. */
  timeoutMs?: number;
}

export interface IngestPool {
  readonly threads: number;
  ingest(input: IngestInput, options?: IngestInWorkerOptions): Promise<IngestResult>;
  /** Parses and stores the upload as a draft, both in the worker thread. */
  createDraft(
    input: IngestInput,
    store: StoreInstructions,
    options?: IngestInWorkerOptions,
  ): Promise<StoredDraftSummary>;
  close(): Promise<void>;
}

function positiveNumber(value: string | undefined): number | undefined {
  const number = Number(value);
  return value && Number.isFinite(number) && number > 0 ? number : undefined;
}

/** The worker bundle built by scripts/build-ingest-worker.ts (`npm run build`). */
export function ingestWorkerFile(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "dist", "ingest-worker.mjs");
}

export function createIngestPool(options: IngestPoolOptions = {}): IngestPool {
  const threads = Math.max(
    1,
    Math.floor(options.threads ?? positiveNumber(process.env.INGEST_WORKERS) ?? os.availableParallelism()),
  );
  const memoryMb = options.memoryMb ?? positiveNumber(process.env.INGEST_WORKER_MEMORY_MB) ?? DEFAULT_MEMORY_MB;
  const poolTimeoutMs = options.timeoutMs ?? positiveNumber(process.env.INGEST_TIMEOUT_MS) ?? DEFAULT_TIMEOUT_MS;
  // Counted here rather than with piscina's maxQueue, which does not count tasks that carry an abort signal.
  const maxInFlight = threads + (options.maxQueue ?? threads * 4);
  let inFlight = 0;
  const workerFile = options.workerFile ?? ingestWorkerFile();
  if (!fs.existsSync(/*turbopackIgnore: true*/ workerFile)) {
    throw new Error(`The ingestion worker ${workerFile} is missing; run \`npm run build\` to build it.`);
  }
  const pool = new Piscina<IngestTask, IngestTaskOutcome>({
    filename: workerFile,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    niceIncrement: WORKER_NICE_INCREMENT,
  });
  // A thread that dies with no task on it is reported here; unhandled, the event would end the whole server.
  pool.on("error", (error: unknown) => log.error(errorFields(error), "an ingestion worker thread failed"));
  // For GET /metrics (lib/ops/metrics.ts): uploads being parsed, and waiting for a thread.
  (globalThis as { verbatimIngestStats?: () => { running: number; queued: number } }).verbatimIngestStats = () => ({
    running: Math.max(0, inFlight - pool.queueSize),
    queued: pool.queueSize,
  });

  async function run(
    input: IngestInput,
    ingestOptions: IngestInWorkerOptions,
    store?: StoreInstructions,
  ): Promise<Extract<IngestTaskOutcome, { ok: true }>> {
    const { timeoutMs = poolTimeoutMs, ...pipelineOptions } = ingestOptions;
    // Limits are settled here: workers keep the environment they started with.
    const limits: IngestOptions = {
      maxBytes: maxIngestBytes(pipelineOptions),
      maxUnpackedBytes: maxUnpackedBytes(pipelineOptions),
    };
    assertIngestSize(input.bytes.byteLength, limits);
    if (inFlight >= maxInFlight) {
      throw new IngestError("BUSY", "The desk is busy reading other uploads. Try again in a minute.");
    }
    inFlight++;
    const abort = new AbortController();
    const { port1: started, port2: startedInWorker } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    started.once("message", () => {
      timer = setTimeout(() => abort.abort(), timeoutMs);
    });
    try {
      const task: IngestTask = {
        input: { ...input, bytes: ownBytes(input.bytes), restore: input.restore ? [...input.restore] : undefined },
        options: limits,
        started: startedInWorker,
        store,
        requestId: currentRequestId(),
      };
      const outcome = await pool.run(task, { signal: abort.signal, transferList: [startedInWorker] });
      if (!outcome.ok) throw new IngestError(outcome.error.code, outcome.error.message);
      return outcome;
    } catch (error) {
      throw refusalFor(error, { timedOut: abort.signal.aborted, timeoutMs, memoryMb });
    } finally {
      inFlight--;
      clearTimeout(timer);
      started.close();
    }
  }

  async function ingest(input: IngestInput, ingestOptions: IngestInWorkerOptions = {}): Promise<IngestResult> {
    const outcome = await run(input, ingestOptions);
    if (!("result" in outcome)) throw new Error("The ingestion worker stored a draft it was not asked to store.");
    return outcome.result;
  }

  async function createDraft(
    input: IngestInput,
    store: StoreInstructions,
    ingestOptions: IngestInWorkerOptions = {},
  ): Promise<StoredDraftSummary> {
    const outcome = await run(input, ingestOptions, store);
    if (!("draft" in outcome)) throw new Error("The ingestion worker did not store the draft.");
    return outcome.draft;
  }

  return { threads, ingest, createDraft, close: () => pool.destroy() };
}

/** A Uint8Array that owns its whole buffer: structured clone copies the entire underlying buffer of a view. */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

function refusalFor(error: unknown, limits: { timedOut: boolean; timeoutMs: number; memoryMb: number }): unknown {
  if (error instanceof IngestError) return error;
  if (limits.timedOut) {
    return new IngestError(
      "TIME_LIMIT",
      `Reading this file took longer than ${seconds(limits.timeoutMs)}, the limit per file. ` +
        "Split the transcript into parts and upload them one by one.",
    );
  }
  if ((error as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new IngestError(
      "MEMORY_LIMIT",
      `Reading this file needed more than the ${limits.memoryMb} MB of memory allowed per file. ` +
        "Split the transcript into parts and upload them one by one.",
    );
  }
  return error;
}

function seconds(milliseconds: number): string {
  const value = milliseconds / 1000;
  return value >= 1 ? `${Math.round(value)} s` : `${value} s`;
}

// One pool per process, kept on globalThis so that Next's separately bundled route chunks share it.
const globalForPool = globalThis as typeof globalThis & { verbatimIngestPool?: IngestPool };

function sharedPool(): IngestPool {
  globalForPool.verbatimIngestPool ??= createIngestPool();
  return globalForPool.verbatimIngestPool;
}

/** Parses an upload in the shared worker pool: `ingestFile` off the caller's thread, with time and memory limits. */
export function ingestInWorker(input: IngestInput, options: IngestInWorkerOptions = {}): Promise<IngestResult> {
  return sharedPool().ingest(input, options);
}

/** Parses an upload and stores it as a draft, both in the shared worker pool (see lib/transcripts/store-draft.ts). */
export function createDraftInWorker(
  input: IngestInput,
  store: StoreInstructions,
  options: IngestInWorkerOptions = {},
): Promise<StoredDraftSummary> {
  return sharedPool().createDraft(input, store, options);
}

/** Stops the shared pool's threads (the CLI and tests, before they exit). */
export async function closeIngestPool(): Promise<void> {
  const pool = globalForPool.verbatimIngestPool;
  globalForPool.verbatimIngestPool = undefined;
  await pool?.close();
}
