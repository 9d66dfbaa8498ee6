// Back-up and restore of the embedded SQLite database, while the server runs. Both go through SQLite's online
// backup API (a page-by-page copy under SQLite's own locks), never a file copy, which could catch the database
// half-written or miss what still sits in the WAL.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrationsFolder } from "@/lib/db/provider";
import { resolveSqlitePath } from "@/lib/db/database-url";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  migrations: number;
}

/** The folder backups go to by default: data/backups beside the database. */
export function defaultBackupDirectory(databaseFile: string = resolveSqlitePath()): string {
  return path.join(path.dirname(databaseFile), "backups");
}

/** "verbatim-20261127-143005.db": sortable, and no characters that file systems or shells dislike. */
export function backupFileName(prefix: string, at: Date = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "")
    .replace(/[-:]/g, "")
    .replace("T", "-");
  return `${prefix}-${stamp}.db`;
}

/** The names of the migrations applied to a database, in order; refuses a file that is not a Verbatim database. */
export function appliedMigrations(database: Database.Database): string[] {
  const table = database
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
    .get();
  if (!table) throw new BackupError("This file is not a Verbatim database: it has no migration history.");
  const rows = database
    .prepare(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    )
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

/** The migrations this version of Verbatim ships for SQLite (prisma/sqlite/migrations). */
export function knownMigrations(root: string = process.cwd()): string[] {
  const folder = migrationsFolder("sqlite", root);
  return fs
    .readdirSync(folder)
    .filter((name) => fs.existsSync(path.join(folder, name, "migration.sql")))
    .sort();
}

function openChecked(file: string, label: string): Database.Database {
  if (!fs.existsSync(file)) throw new BackupError(`${label} ${file} does not exist.`);
  let database: Database.Database;
  try {
    database = new Database(file, { readonly: true, fileMustExist: true });
    const result = database.pragma("integrity_check") as { integrity_check: string }[];
    const verdict = result.map((row) => row.integrity_check);
    if (verdict.length !== 1 || verdict[0] !== "ok") {
      database.close();
      throw new BackupError(`${label} ${file} is damaged (integrity check: ${verdict.slice(0, 3).join("; ")}).`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${label} ${file} is not a readable SQLite database (${(error as Error).message}).`);
  }
  return database;
}

/**
 * Writes a consistent copy of the live database to `directory` (data/backups by default) and checks the copy.
 * Safe while the server runs: readers and writers carry on during the copy.
 */
export async function backupDatabase({
  databaseFile = resolveSqlitePath(),
  directory = defaultBackupDirectory(databaseFile),
  prefix = "verbatim",
  at = new Date(),
}: { databaseFile?: string; directory?: string; prefix?: string; at?: Date } = {}): Promise<BackupResult> {
  const source = openChecked(databaseFile, "The database");
  try {
    const migrations = appliedMigrations(source).length;
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    let file = path.join(directory, backupFileName(prefix, at));
    // Two backups in one second get distinct names rather than overwriting each other.
    for (let attempt = 2; fs.existsSync(file); attempt++) {
      file = path.join(directory, backupFileName(prefix, at).replace(/\.db$/, `-${attempt}.db`));
    }
    await source.backup(file);
    fs.chmodSync(file, 0o600);
    // The copy inherits WAL mode; a backup should be one self-contained file, without -wal and -shm beside it.
    const copy = new Database(file);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    openChecked(file, "The new backup").close();
    return { file, bytes: fs.statSync(file).size, migrations };
  } finally {
    source.close();
  }
}

/** A copy of the current database before it is replaced; a damaged one (the usual reason to restore) is copied as is. */
async function keepAside(databaseFile: string, directory: string): Promise<string> {
  try {
    return (await backupDatabase({ databaseFile, directory, prefix: "before-restore" })).file;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    const file = path.join(directory, backupFileName("before-restore-damaged"));
    fs.copyFileSync(databaseFile, file);
    if (fs.existsSync(`${databaseFile}-wal`)) fs.copyFileSync(`${databaseFile}-wal`, `${file}-wal`);
    return file;
  }
}

/**
 * Waits, without blocking the thread, until no transaction holds the database's write lock: with the restore's marker
 * down (lib/db/maintenance.ts) no new one starts, so once this returns every acknowledged write is in the file.
 */
export async function waitForWriters(databaseFile: string, { timeoutMs = 30_000 } = {}): Promise<void> {
  const database = new Database(databaseFile, { fileMustExist: true, timeout: 0 });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        database.exec("BEGIN IMMEDIATE");
        database.exec("COMMIT");
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        if (Date.now() > deadline) {
          throw new BackupError("A write to the database did not finish within 30 s; nothing was restored. Try again.");
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  } finally {
    database.close();
  }
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database as it was before the restore was kept. */
  previous: string | null;
  /** Migrations this Verbatim has that the backup predates; `npm start` (or `npm run db:migrate`) applies them. */
  pendingMigrations: string[];
}

/**
 * Replaces the database with a backup: checks the backup's integrity and that its schema is one this version
 * knows, waits for the writes under way, keeps the current database aside (data/backups/before-restore-….db), then
 * copies the backup in through the backup API, so a running server sees the restored data on its next query instead
 * of a file swapped underneath it. The caller holds writers off meanwhile (beginRestore, lib/db/maintenance.ts).
 */
export async function restoreDatabase({
  backupFile,
  databaseFile = resolveSqlitePath(),
  directory = defaultBackupDirectory(databaseFile),
  root = process.cwd(),
}: {
  backupFile: string;
  databaseFile?: string;
  directory?: string;
  root?: string;
}): Promise<RestoreResult> {
  const backup = openChecked(path.resolve(backupFile), "The backup");
  try {
    const inBackup = appliedMigrations(backup);
    const known = knownMigrations(root);
    const unknown = inBackup.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new BackupError(
        `The backup was made by a newer version of Verbatim (migration ${unknown[0]} is not in this one). ` +
          "Upgrade Verbatim first, then restore.",
      );
    }
    const missingInOrder = known.filter((name) => !inBackup.includes(name));
    if (missingInOrder.some((name) => name < (inBackup.at(-1) ?? ""))) {
      throw new BackupError("The backup's migration history does not match this version of Verbatim.");
    }

    // The writes already under way finish first (new ones are held off while the restore's marker is down), so the
    // copy kept aside holds every write that was acknowledged.
    if (fs.existsSync(databaseFile)) await waitForWriters(databaseFile);
    const previous = fs.existsSync(databaseFile) ? await keepAside(databaseFile, directory) : null;
    await backup.backup(databaseFile);
    fs.chmodSync(databaseFile, 0o600);
    const restored = new Database(databaseFile);
    try {
      restored.pragma("journal_mode = WAL");
    } finally {
      restored.close();
    }
    openChecked(databaseFile, "The restored database").close();
    return { restoredFrom: path.resolve(backupFile), previous, pendingMigrations: missingInOrder };
  } finally {
    backup.close();
  }
}
