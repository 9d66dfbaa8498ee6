// `npm run restore -- FILE`: checks a backup, keeps the current database aside, restores, and applies any
// migrations the backup predates. On PostgreSQL (a pg_dump archive) it then tells every server of the cluster and the
// edge cache to forget their cached public pages, which the restore may have changed.
import os from "node:os";
import path from "node:path";
import { recordAuditEvent } from "@/lib/audit";
import { BackupError, restoreDatabase, type RestoreResult } from "@/lib/db/backup";
import { beginRestore, endRestore } from "@/lib/db/maintenance";
import { db } from "@/lib/db";
import { notifyServers } from "@/lib/db/coordination";
import { restorePostgres } from "@/lib/db/postgresql/backup";
import { currentProvider } from "@/lib/db/provider";
import { PUBLIC_TAG } from "@/lib/publishing/cache-tags";
import { CACHE_CHANNEL, encodeExpiry } from "@/lib/publishing/cache-messages";
import { sendEdgePurge } from "@/lib/publishing/edge-purge";
import { prepareDatabase } from "./prepare-database";

async function restorePostgresAndExpire(backupFile: string): Promise<RestoreResult> {
  const result = await restorePostgres({
    backupFile,
    url: process.env.DATABASE_URL!,
    directory: path.join(process.cwd(), "data", "backups"),
  });
  await notifyServers(db, CACHE_CHANNEL, encodeExpiry([PUBLIC_TAG], PUBLIC_TAG));
  await sendEdgePurge([PUBLIC_TAG]);
  return result;
}

async function main(): Promise<void> {
  process.umask(0o077);
  const args = process.argv.slice(2);
  if (args.length !== 1 || !args[0] || args[0].startsWith("-")) {
    throw new BackupError(
      "Usage: npm run restore -- data/backups/verbatim-YYYYMMDD-HHMMSS.db (or .dump on PostgreSQL)",
    );
  }
  if (currentProvider() === "postgresql") {
    const result = await restorePostgresAndExpire(args[0]);
    console.log(`Restored ${result.restoredFrom}.`);
    console.log(`The database as it was is kept at ${result.previous}.`);
    if (result.pendingMigrations.length > 0) {
      console.log(`Applied ${result.pendingMigrations.length} migration(s) the backup predates.`);
    }
    await auditRestore(result);
    return;
  }
  // Writers are held off (503, Retry-After) from here until the restored database is ready; the running server
  // forgets its public pages when the end is stamped (lib/db/maintenance.ts, scripts/serve.ts).
  beginRestore(args[0]);
  let result: RestoreResult;
  try {
    result = await restoreDatabase({ backupFile: args[0] });
    console.log(`Restored ${result.restoredFrom}.`);
    if (result.previous) console.log(`The database as it was is kept at ${result.previous}.`);
    if (result.pendingMigrations.length > 0) {
      console.log(`Applying ${result.pendingMigrations.length} migration(s) the backup predates…`);
      await prepareDatabase();
    }
  } finally {
    endRestore();
  }
  await auditRestore(result);
}

/** Who restored which file when, in the restored database's audit log. */
async function auditRestore(result: RestoreResult): Promise<void> {
  await recordAuditEvent(db, {
    actorId: null,
    action: "system.restored",
    targetType: "system",
    details: {
      backup: result.restoredFrom,
      keptAside: result.previous,
      by: `${os.userInfo().username}@${os.hostname()}`,
      migrationsApplied: result.pendingMigrations.length,
    },
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BackupError ? error.message : `The restore failed: ${String(error)}`);
    process.exit(error instanceof BackupError ? 2 : 1);
  },
);
