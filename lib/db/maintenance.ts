// A restore in progress, as every process that writes to the SQLite database can see it: `npm run restore` puts a
// marker file beside the database while it works, and stamps another when it has finished. While the marker is
// there, the server refuses writes (503 with Retry-After, scripts/serve.ts), every write transaction is refused as
// it begins (lib/db.ts, the ingestion worker's draft writer), and the restore waits for the transactions already
// running, so its copy of the current database holds every write that was acknowledged; none is lost between that
// copy and the restore. The finished stamp tells running servers to forget every public page, which the restore may
// have changed. A marker left by a restore that died (its process is gone) is ignored.
import fs from "node:fs";
import path from "node:path";
import { BackupError } from "@/lib/db/backup";
import { resolveSqlitePath } from "@/lib/db/database-url";

export const RESTORE_RETRY_AFTER_SECONDS = 5;

export const RESTORING_MESSAGE =
  "The database is being restored from a backup. Nothing was saved; try again in a few seconds.";

interface Marker {
  pid: number;
  startedAt: string;
  backup: string;
}

export function restoreMarkerFile(databaseFile: string = resolveSqlitePath()): string {
  return path.join(path.dirname(databaseFile), ".restore-in-progress");
}

export function restoredStampFile(databaseFile: string = resolveSqlitePath()): string {
  return path.join(path.dirname(databaseFile), ".restored-at");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The restore under way on this database, if any (and its process is still alive). */
export function restoreInProgress(databaseFile?: string): Marker | null {
  let text: string;
  try {
    text = fs.readFileSync(restoreMarkerFile(databaseFile), "utf8");
  } catch {
    return null;
  }
  try {
    const marker = JSON.parse(text) as Marker;
    return Number.isInteger(marker.pid) && isAlive(marker.pid) ? marker : null;
  } catch {
    return null;
  }
}

/** Puts the marker down; refuses when another live restore has one. */
export function beginRestore(backup: string, databaseFile?: string): void {
  const current = restoreInProgress(databaseFile);
  if (current) {
    throw new BackupError(
      `Another restore (process ${current.pid}, since ${current.startedAt}) is running; nothing was restored. Wait for it to finish.`,
    );
  }
  const marker: Marker = { pid: process.pid, startedAt: new Date().toISOString(), backup };
  fs.writeFileSync(restoreMarkerFile(databaseFile), JSON.stringify(marker), { mode: 0o600 });
}

/** Takes the marker away and stamps the end, whether the restore worked or not (a failed one changed nothing). */
export function endRestore(databaseFile?: string): void {
  fs.writeFileSync(restoredStampFile(databaseFile), new Date().toISOString(), { mode: 0o600 });
  fs.rmSync(restoreMarkerFile(databaseFile), { force: true });
}

/** When a restore last finished on this database (the stamp's time), or 0: servers watch it to forget their pages. */
export function lastRestoredAt(databaseFile?: string): number {
  try {
    return fs.statSync(restoredStampFile(databaseFile)).mtimeMs;
  } catch {
    return 0;
  }
}
