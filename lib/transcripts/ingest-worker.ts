// The entry point of an ingestion worker thread (bundled to dist/ingest-worker.mjs by scripts/build-ingest-worker.ts
// and run by piscina from lib/transcripts/ingest-pool.ts). It parses an upload and, when asked to, stores it as a draft on its
// own database connection (SQLite or PostgreSQL, as DATABASE_URL says), so neither step holds the thread that serves
// pages. Only data crosses the thread boundary:
// a refusal comes back as its code and message, and the main thread turns it into an IngestError again.
import type { MessagePort } from "node:worker_threads";
import Database from "better-sqlite3";
import pg from "pg";
import { resolveSqlitePath } from "@/lib/db/database-url";
import { poolConfig } from "@/lib/db/postgresql/connection";
import { currentProvider } from "@/lib/db/provider";
import { applyDraftOverrides, type DraftOverrides } from "@/lib/transcripts/draft-overrides";
import { storeDraftPostgres } from "@/lib/transcripts/postgresql/draft-writer";
import { storeDraftSqlite } from "@/lib/transcripts/sqlite/draft-writer";
import {
  draftTitle,
  suggestFidelity,
  type DraftFidelity,
  type StoreDraftRequest,
  type StoredDraft,
} from "@/lib/transcripts/store-draft";
import { ingestFile } from "@/lib/ingest/pipeline";
import { IngestError, type IngestInput, type IngestOptions, type IngestResult } from "@/lib/ingest/types";
import { log } from "@/lib/ops/log";

/** What the worker needs to store the parse as a draft owned by `userId`. */
export interface StoreInstructions {
  /** The database to store in (the server's DATABASE_URL). */
  databaseUrl: string;
  userId: string;
  /** Overrides the title the parser found. */
  title?: string;
  fidelity?: DraftFidelity;
  /** The reporter's date, place and speaker names from the upload preview. */
  overrides?: DraftOverrides;
}

export interface IngestTask {
  input: IngestInput;
  options: IngestOptions;
  /** Told when the task starts running, so the time limit does not count time spent waiting in the queue. */
  started: MessagePort;
  store?: StoreInstructions;
  /** The request that handed the file over (lib/ops/request-context.ts), for the worker's log line. */
  requestId?: string;
}

/** What a stored draft reports back: enough for the API's answer, without copying the whole parse across threads. */
export interface StoredDraftSummary {
  id: string;
  slug: string;
  title: string;
  format: IngestResult["source"]["format"];
  speakers: number;
  segments: number;
  removedLines: number;
  warnings: string[];
}

export type IngestTaskOutcome =
  | { ok: true; result: IngestResult }
  | { ok: true; draft: StoredDraftSummary }
  | { ok: false; error: { code: IngestError["code"]; message: string } };

/** How long this thread's SQLite connection waits for another writer (the server, the CLI, another worker). */
const BUSY_TIMEOUT_MS = 30_000;
const sqliteConnections = new Map<string, Database.Database>();
const postgresPools = new Map<string, pg.Pool>();

/** Stores the draft on this thread's own connection to the database `url` names, opened on first use. */
function storeIn(url: string, request: StoreDraftRequest): Promise<StoredDraft> {
  if (currentProvider(url) === "postgresql") {
    let pool = postgresPools.get(url);
    if (!pool) postgresPools.set(url, (pool = new pg.Pool(poolConfig(url, { max: 1 }))));
    return storeDraftPostgres(pool, request);
  }
  const file = resolveSqlitePath(url);
  let connection = sqliteConnections.get(file);
  if (!connection) {
    connection = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    sqliteConnections.set(file, connection);
  }
  return storeDraftSqlite(connection, request);
}

export default async function runIngestTask({
  input,
  options,
  started,
  store,
  requestId,
}: IngestTask): Promise<IngestTaskOutcome> {
  started.postMessage("started");
  started.close();
  const began = performance.now();
  const done = (fields: Record<string, unknown>) =>
    log.info(
      {
        requestId,
        bytes: input.bytes.byteLength,
        ms: Math.round(performance.now() - began),
        stored: Boolean(store),
        ...fields,
      },
      "ingest task",
    );
  try {
    const parsed = await ingestFile(input, options);
    done({ format: parsed.source.format, segments: parsed.segments.length });
    if (!store) return { ok: true, result: parsed };
    const result = store.overrides ? applyDraftOverrides(parsed, store.overrides) : parsed;
    const title = draftTitle(store.title, result);
    const draft = await storeIn(store.databaseUrl, {
      userId: store.userId,
      bytes: input.bytes,
      restored: input.restore ?? [],
      result,
      title,
      fidelity: store.fidelity ?? suggestFidelity(result),
      // A label the uploader chose is a person's confirmation; a suggested one still needs one before publishing.
      fidelityConfirmed: store.fidelity !== undefined,
    });
    return {
      ok: true,
      draft: {
        ...draft,
        title,
        format: result.source.format,
        speakers: result.speakers.length,
        segments: result.segments.length,
        // Restored lines are not in `removed`: the pipeline put them back.
        removedLines: result.removed.length,
        warnings: result.warnings,
      },
    };
  } catch (error) {
    if (error instanceof IngestError) {
      done({ refused: error.code });
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    throw error;
  }
}
