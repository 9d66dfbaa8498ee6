import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_DATABASE_URL, resolveSqlitePath } from "@/lib/db/database-url";
import { poolConfig } from "@/lib/db/postgresql/connection";
import { processSignal } from "@/lib/runtime/process-wide";
import { WRITES_ALLOWED_SQL } from "@/lib/db/postgresql/restore-lock";
import { currentProvider } from "@/lib/db/provider";
import { restoreInProgress, RESTORING_MESSAGE } from "@/lib/db/maintenance";
import { AppError, isAppError } from "@/lib/errors";
import { failpointArmed, failpointEnabled } from "@/lib/failpoints";
import { RESTORING_CODE } from "@/lib/db/errors";

// The one Prisma client. Nothing else constructs one. Kept on globalThis so hot reloads in development reuse it.
const globalForPrisma = globalThis as unknown as { verbatimPrisma?: PrismaClient };

/**
 * How long a statement may wait synchronously for another writer. Transactions wait for the write lock with timers
 * first (below), so this is only the rare case of the lock being taken again in between: short, because the wait
 * blocks this whole thread.
 */
const BUSY_TIMEOUT_MS = 2_000;

/** How long a transaction waits, without holding this thread, for another connection's write: SQLITE_WRITE_WAIT_MS, else 30 s. */
function writeLockWaitMs(): number {
  const configured = Number(process.env.SQLITE_WRITE_WAIT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : 30_000;
}

type SqliteError = Error & { code?: string };

/** Set while a `db.$transaction` callback runs (SQLite): its statements belong to the open transaction. */
const insideATransaction = new AsyncLocalStorage<true>();

/**
 * Runs `work` (and whatever it schedules) as if from outside every transaction: on SQLite what it reads is then what
 * is committed, even when it was started from inside a transaction's callback. Nothing to do on PostgreSQL.
 */
export function outsideTransactions<T>(work: () => T): T {
  return insideATransaction.exit(work);
}

// Commits on this process's SQLite connection, announced to whoever waits for them (lib/live/hub.ts).
const commits = processSignal("sqlite-commits");

function announceCommit(): void {
  commits.send();
}

/** Calls `listener` after each transaction this process commits on SQLite (never on PostgreSQL); returns how to stop. */
export function onCommit(listener: () => void): () => void {
  return commits.listen(listener);
}

/** Statements that need the write lock (Prisma's own SQL, and raw SQL sent through it). */
const WRITE_STATEMENT = /^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i;

function isBusy(error: unknown): boolean {
  return (error as SqliteError | null)?.code === "SQLITE_BUSY";
}

/**
 * Takes and at once gives back the write lock, without waiting: true when no other connection is writing. The
 * connection's busy timeout is set to zero for these two statements only.
 */
function isWriteLockFree(database: BetterSqlite3.Database): boolean {
  const timeout = database.pragma("busy_timeout", { simple: true }) as number;
  database.pragma("busy_timeout = 0");
  try {
    database.exec("BEGIN IMMEDIATE");
    database.exec("ROLLBACK");
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    database.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * Two changes to how the better-sqlite3 adapter starts a transaction.
 *
 * BEGIN IMMEDIATE instead of a plain (deferred) BEGIN: a deferred transaction that reads and then writes cannot wait
 * for another process's writer (the web server and `npm run ingest`, say): SQLite answers "database is locked" at
 * once rather than risk a deadlock. BEGIN IMMEDIATE takes the write lock up front, so concurrent writers queue.
 *
 * Waiting for the lock without blocking: better-sqlite3 waits for a busy database synchronously, which on the
 * server would stop every request for as long as another writer (an ingestion worker saving a large upload, the
 * CLI) holds the lock. So before the adapter begins, this polls for the lock with timers, and only then lets the
 * adapter's BEGIN IMMEDIATE run, which then rarely has to wait at all. If it still finds the database busy after
 * the busy timeout, a deferred BEGIN is used instead: the adapter never releases its own lock when BEGIN throws,
 * which would hang every later transaction, whereas a deferred transaction fails at its first write and is
 * rolled back cleanly.
 */
function waitForTheWriteLockWithoutBlocking(factory: PrismaBetterSQLite3, file: string): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const database = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    const prepare = database.prepare.bind(database);
    database.prepare = ((source: string) => {
      if (source !== "BEGIN") return prepare(source);
      const immediate = prepare("BEGIN IMMEDIATE");
      return {
        run: () => {
          try {
            return immediate.run();
          } catch (error) {
            if (!isBusy(error)) throw error;
            return prepare("BEGIN").run();
          }
        },
      };
    }) as typeof prepare;

    // While this connection is itself inside a transaction, it holds the lock already, or the adapter queues the
    // new transaction on its own lock.
    const waitForWriteLock = async () => {
      const deadline = Date.now() + writeLockWaitMs();
      let pause = 2;
      while (!database.inTransaction && !isWriteLockFree(database) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, 50);
      }
    };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      await waitForWriteLock();
      fillTheDiskWhenArmed(database, file);
      const transaction = await startTransaction(...args);
      // From here until it ends, this connection is inside the transaction: see `outsideTheOpenTransaction`.
      let ended!: () => void;
      const open = new Promise<void>((resolve) => (ended = resolve));
      openTransaction = open;
      for (const method of ["commit", "rollback"] as const) {
        const end = transaction[method].bind(transaction);
        transaction[method] = () => {
          if (openTransaction === open) openTransaction = null;
          ended();
          const result = end();
          return method === "commit" ? result.then((value) => (announceCommit(), value)) : result;
        };
      }
      // A restore holds writers off (lib/db/maintenance.ts). Looked at once this transaction holds the write lock:
      // either it began before the restore waited for writers (and the restore's copy will hold what it writes), or
      // the restore has begun and it is refused, so nothing is written between that copy and the replacement.
      if (restoreInProgress(file)) {
        // The adapter's rollback() only lets the next transaction in; the statement is Prisma's to send, so here
        // it is sent directly.
        if (database.inTransaction) database.exec("ROLLBACK");
        await transaction.rollback();
        throw new AppError("UNAVAILABLE", RESTORING_MESSAGE);
      }
      return transaction;
    };
    // Statements Prisma sends outside a transaction share this one connection with the transaction that may be open
    // on it. A long transaction yields to the event loop between slices of its work (lib/ops/slices.ts), so another
    // request's statement can arrive in the middle of it: on this connection it would read what is not committed yet,
    // and its write would become part of the transaction (and be undone with it). So, from any other request, a read
    // goes to a second connection (WAL: it sees what is committed) and a write waits for the transaction to end.
    // Statements sent through the global client from inside the transaction's own callback keep to it, as before.
    let openTransaction: Promise<void> | null = null;
    let readConnection: Promise<Awaited<ReturnType<typeof connect>>> | null = null;
    const outsideTheOpenTransaction = () => openTransaction !== null && !insideATransaction.getStore();
    // Until no other transaction is open and no other connection writes (waiting for the latter may let one begin).
    const waitToWrite = async () => {
      do {
        while (outsideTheOpenTransaction()) await openTransaction;
        await waitForWriteLock();
      } while (outsideTheOpenTransaction());
    };
    /**
     * A single write outside any transaction (an audit event, say) is held off by a restore too: it runs in a
     * transaction of its own that looks at the restore's marker once it holds the write lock, as transactions do
     * (above). The statement runs synchronously inside `send`, so nothing else on this connection comes in between.
     */
    const writeAlone = <T>(send: () => Promise<T>): Promise<T> => {
      if (database.inTransaction) return send(); // inside this request's own transaction (see below)
      database.exec("BEGIN IMMEDIATE");
      if (restoreInProgress(file)) {
        database.exec("ROLLBACK");
        // Prisma passes an adapter's error on wrapped, with its code (lib/api/response.ts answers it with the 503).
        return Promise.reject(Object.assign(new Error(RESTORING_MESSAGE), { code: RESTORING_CODE }));
      }
      try {
        return send();
      } finally {
        database.exec("COMMIT");
      }
    };
    // Single writes that Prisma sends outside a transaction (a plain create, say) wait the same way.
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      if (WRITE_STATEMENT.test(query.sql)) {
        await waitToWrite();
        return writeAlone(() => queryRaw(query));
      }
      if (outsideTheOpenTransaction()) {
        readConnection ??= connect();
        return (await readConnection).queryRaw(query);
      }
      return queryRaw(query);
    };
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      await waitToWrite();
      return WRITE_STATEMENT.test(query.sql) ? writeAlone(() => executeRaw(query)) : executeRaw(query);
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (readConnection) await (await readConnection).dispose();
      return dispose();
    };
    return adapter;
  };
  return factory;
}

/** Most pages a SQLite file may have (SQLite's own default): what max_page_count goes back to. */
const UNLIMITED_PAGES = 1_073_741_823;

/**
 * The fault drill's full disk (lib/failpoints.ts `sqlite.disk-full`, e2e/durability.spec.ts): while armed, the file may not
 * grow, so a write that needs a new page fails with SQLITE_FULL exactly as on a full disk.
 */
function fillTheDiskWhenArmed(database: BetterSqlite3.Database, file: string): void {
  if (!failpointEnabled("sqlite.disk-full")) return;
  const pages = failpointArmed("sqlite.disk-full", `${file}.disk-full`)
    ? (database.pragma("page_count", { simple: true }) as number | bigint)
    : UNLIMITED_PAGES;
  database.pragma(`max_page_count = ${Number(pages)}`);
}

/**
 * On PostgreSQL, every transaction asks, as it begins, whether a restore holds writers off
 * (lib/db/postgresql/restore-lock.ts): if so it is rolled back and refused with the restore's 503; if not, it keeps a
 * shared lock until it ends, which the restore waits for.
 */
function holdOffWritesDuringRestore(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      const transaction = await startTransaction(...args);
      const answer = await transaction.queryRaw({ sql: WRITES_ALLOWED_SQL, args: [], argTypes: [] });
      if (answer.rows[0]?.[0] !== true) {
        // The adapter's rollback() only hands the connection back; the statement is Prisma's to send.
        await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
        await transaction.rollback();
        throw new AppError("UNAVAILABLE", RESTORING_MESSAGE);
      }
      return transaction;
    };
    // A single write outside any transaction runs in one of its own, so it takes the same shared lock (or is refused).
    for (const method of ["queryRaw", "executeRaw"] as const) {
      const send = adapter[method].bind(adapter) as (query: SqlQuery) => Promise<unknown>;
      (adapter[method] as (query: SqlQuery) => Promise<unknown>) = async (query) => {
        if (!WRITE_STATEMENT.test(query.sql)) return send(query);
        const transaction = await adapter.startTransaction().catch((error: unknown) => {
          // Prisma passes an adapter's error on wrapped, with its code (lib/api/response.ts answers it with the 503).
          throw isAppError(error) ? Object.assign(new Error(error.message), { code: RESTORING_CODE }) : error;
        });
        try {
          const result = await (transaction[method] as (query: SqlQuery) => Promise<unknown>)(query);
          await transaction.executeRaw({ sql: "COMMIT", args: [], argTypes: [] });
          await transaction.commit();
          return result;
        } catch (error) {
          await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
          await transaction.rollback();
          throw error;
        }
      };
    }
    return adapter;
  };
  return factory;
}

type SqlQuery = Parameters<Awaited<ReturnType<PrismaPg["connect"]>>["queryRaw"]>[0];

/** Connections one process keeps to PostgreSQL: DATABASE_POOL_SIZE, else 10. */
function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (currentProvider(url) === "postgresql") {
    // The same model generated for PostgreSQL (prisma/postgresql/schema.prisma): its types are the SQLite client's
    // (lib/db/schema-parity.test.ts keeps the two schemas one model), so the app is typed against one of them.
    const pool = new pg.Pool(poolConfig(url, { max: poolSize() }));
    // GET /metrics reports its connections (lib/ops/metrics.ts).
    (globalThis as { verbatimPgPool?: pg.Pool }).verbatimPgPool = pool;
    const adapter = holdOffWritesDuringRestore(new PrismaPg(pool));
    return new PostgresClient({ adapter }) as unknown as PrismaClient;
  }
  // WAL is set once on the file by scripts/prepare-database.ts; it lets readers run while a writer commits.
  const file = resolveSqlitePath(url);
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  const client = new PrismaClient({ adapter: waitForTheWriteLockWithoutBlocking(adapter, file) });
  // Marks the transaction's own callback, so the connection can tell its statements from other requests'.
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as { $transaction: unknown }).$transaction = (...args: unknown[]) =>
    insideATransaction.run(true, () => transaction(...args));
  return client;
}

export const db: PrismaClient = globalForPrisma.verbatimPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.verbatimPrisma = db;

export type { Prisma } from "@/lib/generated/prisma/client";
