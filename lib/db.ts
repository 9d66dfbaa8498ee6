import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveSqlitePath } from "@/lib/db/database-url";

// The one Prisma client. Nothing else constructs one. Kept on globalThis so hot reloads in development reuse it.
const globalForPrisma = globalThis as unknown as { verbatimPrisma?: PrismaClient };

function createClient(): PrismaClient {
  // WAL is set once on the file by scripts/prepare-database.ts; the busy timeout covers concurrent writers.
  const adapter = new PrismaBetterSQLite3({ url: `file:${resolveSqlitePath()}`, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForPrisma.verbatimPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.verbatimPrisma = db;

export type { Prisma } from "@/lib/generated/prisma/client";
