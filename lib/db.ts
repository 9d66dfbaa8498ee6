import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveSqlitePath } from "@/lib/db/database-url";

// The one Prisma client. Nothing else constructs one. Kept on globalThis so hot reloads in development reuse it.
const globalForPrisma = globalThis as unknown as { verbatimPrisma?: PrismaClient };

/** How long a writer waits for another process's write to finish before giving up. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * The better-sqlite3 adapter opens transactions with a plain (deferred) BEGIN. A deferred transaction that reads and
 * then writes cannot wait for another process's writer (the web server and `npm run ingest`, say): SQLite answers
 * "database is locked" at once rather than risk a deadlock. BEGIN IMMEDIATE takes the write lock up front, so the
 * busy timeout applies and concurrent writers queue instead of failing.
 */
function beginImmediately(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const database = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    const prepare = database.prepare.bind(database);
    database.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof prepare;
    return adapter;
  };
  return factory;
}

function createClient(): PrismaClient {
  // WAL is set once on the file by scripts/prepare-database.ts; it lets readers run while a writer commits.
  const adapter = new PrismaBetterSQLite3({ url: `file:${resolveSqlitePath()}`, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter: beginImmediately(adapter) });
}

export const db: PrismaClient = globalForPrisma.verbatimPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.verbatimPrisma = db;

export type { Prisma } from "@/lib/generated/prisma/client";
