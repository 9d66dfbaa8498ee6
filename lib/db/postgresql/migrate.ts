// Applying prisma/postgresql/migrations on PostgreSQL without Prisma's CLI, which spends about 10 s on an
// advisory-lock timer in its engine for every `migrate deploy`. Each pending migration runs whole, in its own
// transaction, and is recorded in `_prisma_migrations` exactly as Prisma records it, so `prisma migrate status`
// and a later `prisma migrate deploy` agree. One advisory lock keeps two servers starting together from both
// migrating.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { poolConfig } from "./connection";

/** The lock Prisma's own migrate takes, so our runner and Prisma's never apply migrations at the same time. */
const MIGRATION_LOCK = 72707369;

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationOutcome {
  /** Migrations applied by this run, in order. */
  applied: string[];
  /** Every migration the folder holds. */
  total: number;
}

/** The migration folders (those with a migration.sql), in the order their timestamped names give. */
export function migrationNames(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** Applies every migration of `folder` the database `url` has not applied yet. */
export async function migratePostgres(url: string, folder: string): Promise<MigrationOutcome> {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    const done = new Set(rows.map((row) => row.migration_name));
    const names = migrationNames(folder);
    const failed = await client.query<{ migration_name: string }>(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NULL AND "rolled_back_at" IS NULL`,
    );
    if (failed.rows.length > 0) {
      throw new Error(
        `Migration ${failed.rows[0]?.migration_name} failed earlier and was not rolled back: fix the database, then mark it rolled back.`,
      );
    }
    const applied: string[] = [];
    for (const name of names) {
      if (done.has(name)) continue;
      const script = fs.readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      const id = randomUUID();
      const checksum = createHash("sha256").update(script).digest("hex");
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
           VALUES ($1, $2, $3, now(), 0)`,
          [id, checksum, name],
        );
        // One simple query: the whole file, functions, triggers and DO blocks included.
        await client.query(script);
        await client.query(
          `UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      applied.push(name);
    }
    return { applied, total: names.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
