// What a proxy's health checks ask: is this process answering (GET /api/health, no database), and is it ready for
// readers and staff (GET /api/ready: the database answers and holds every migration this code expects).
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { migrationsFolder, runQuery } from "@/lib/db/provider";
import { appliedMigrationsPostgres } from "@/lib/db/postgresql/migrations";
import { appliedMigrationsSqlite } from "@/lib/db/sqlite/migrations";
import { errorFields, log } from "@/lib/ops/log";

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  /**
   * On PostgreSQL, whether this server hears the others' cache expiries (scripts/serve.ts): a server that does not
   * could serve a page another server unpublished. "not used" on SQLite, where one server has the database.
   */
  fanOut: "connected" | "disconnected" | "not used";
  /** Migrations in prisma/<provider>/migrations that the database has not applied (run `npm run db:migrate`). */
  pendingMigrations: string[];
}

/** The migrations this build expects, by folder name. */
export function expectedMigrations(folder = migrationsFolder()): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** The listener scripts/serve.ts starts on PostgreSQL; absent on SQLite and outside the server (tests, scripts). */
function fanOutState(): Readiness["fanOut"] {
  const listener = (globalThis as { verbatimFanOut?: { isConnected(): boolean } }).verbatimFanOut;
  if (!listener) return "not used";
  return listener.isConnected() ? "connected" : "disconnected";
}

export async function checkReadiness(client: typeof db = db, expected = expectedMigrations()): Promise<Readiness> {
  const fanOut = fanOutState();
  let applied: string[];
  try {
    applied = await runQuery({
      sqlite: () => appliedMigrationsSqlite(client),
      postgresql: () => appliedMigrationsPostgres(client),
    });
  } catch (error) {
    log.error(errorFields(error), "readiness: the database did not answer");
    return { ready: false, database: "unreachable", pendingMigrations: [], fanOut };
  }
  const done = new Set(applied);
  const pendingMigrations = expected.filter((name) => !done.has(name));
  return {
    ready: pendingMigrations.length === 0 && fanOut !== "disconnected",
    database: "ok",
    pendingMigrations,
    fanOut,
  };
}
