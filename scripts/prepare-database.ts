// Brings the database up to date and handles first run. Used by `npm start`, `npm run db:migrate` and the e2e
// servers, on SQLite (the default) or PostgreSQL, as DATABASE_URL says.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveSqlitePath } from "@/lib/db/database-url";
import { migratePostgres } from "@/lib/db/postgresql/migrate";
import { currentProvider, migrationsFolder } from "@/lib/db/provider";
import type { FirstRunOutcome } from "@/lib/users/first-admin";

/** Files and folders that hold every draft, every original upload and every password hash: owner only. */
const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * Creates the database's folder as 0700 and makes the database, its WAL and shared-memory files and the session
 * secret 0600. An existing folder is tightened only when it is Verbatim's own data/ folder or holds nothing but
 * Verbatim's files: a DATABASE_URL pointing into a shared folder (/tmp, say) must not change that folder.
 */
export function securePrivateFiles(file: string = resolveSqlitePath()): void {
  const directory = path.dirname(file);
  if (!fs.existsSync(directory)) fs.mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  else if (directory === path.join(process.cwd(), "data")) fs.chmodSync(directory, PRIVATE_DIRECTORY_MODE);
  const secret = path.join(process.cwd(), "data", "auth-secret");
  for (const candidate of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`, secret]) {
    if (fs.existsSync(candidate)) fs.chmodSync(candidate, PRIVATE_FILE_MODE);
  }
}

/** SQLite: Prisma's own `migrate deploy` (about a second), then WAL and owner-only files. */
function migrateSqlite(): void {
  // Everything this process creates from here (the database, its WAL, backups) is readable by its owner only.
  process.umask(0o077);
  const file = resolveSqlitePath();
  securePrivateFiles(file);
  const prismaCli = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const migrate = spawnSync(prismaCli, ["migrate", "deploy"], { encoding: "utf8", env: process.env });
  if (migrate.status !== 0) {
    process.stderr.write(migrate.stdout + migrate.stderr);
    throw new Error("Applying database migrations failed (output above).");
  }
  const applied = /(\d+) migrations? found/.exec(migrate.stdout);
  if (!/No pending migrations/.test(migrate.stdout))
    console.log(`Database migrated (${applied?.[1] ?? "new"} migrations): ${file}`);

  // WAL lets readers (public pages) run while a writer saves; the setting is stored in the file.
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  securePrivateFiles(file);
}

/**
 * PostgreSQL: our own runner (lib/db/postgresql/migrate.ts; Prisma's CLI spends ten seconds on a lock timer), under
 * an advisory lock, so two servers starting together migrate once.
 */
async function migratePostgresDatabase(url: string): Promise<void> {
  const { applied, total } = await migratePostgres(url, migrationsFolder("postgresql"));
  if (applied.length > 0) console.log(`Database migrated (${applied.length} of ${total} migrations applied).`);
}

/** Applies the migrations of the database DATABASE_URL names. */
export async function migrateDatabase(): Promise<void> {
  const url = process.env.DATABASE_URL ?? "";
  if (currentProvider(url || undefined) === "postgresql") await migratePostgresDatabase(url);
  else migrateSqlite();
}

/** Migrates, repairs the public index and handles first run; answers what first run did (npm start repeats a link). */
export async function prepareDatabase(): Promise<FirstRunOutcome> {
  await migrateDatabase();

  // A database from before the public index, or restored from a backup, is searchable and listed at once.
  const { repairPublicIndex } = await import("@/lib/publishing/public-index");
  const repaired = await repairPublicIndex();
  if (repaired > 0) console.log(`Public index: brought ${repaired} transcripts up to date.`);

  const { prepareFirstRun } = await import("@/lib/users/first-admin");
  const outcome = await prepareFirstRun();
  if (outcome.kind === "created-admin") {
    console.log(`Created the first admin, ${outcome.email}, from ADMIN_EMAIL and ADMIN_PASSWORD.`);
  } else if (outcome.kind === "setup-link") {
    console.log(
      [
        "",
        "No accounts yet. Open this one-time link to create the first admin:",
        `  ${outcome.link.url}`,
        `It works once and expires ${outcome.link.expiresAt.toUTCString()}.`,
        "",
      ].join("\n"),
    );
  }
  return outcome;
}

if (require.main === module) {
  prepareDatabase()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(`Could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
