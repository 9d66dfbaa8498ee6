// `npm run restore -- FILE`: checks a backup, keeps the current database aside, restores, and applies any
// migrations the backup predates.
import { BackupError, restoreDatabase } from "@/lib/db/backup";
import { prepareDatabase } from "./prepare-database";

async function main(): Promise<void> {
  process.umask(0o077);
  const args = process.argv.slice(2);
  if (args.length !== 1 || !args[0] || args[0].startsWith("-")) {
    throw new BackupError("Usage: npm run restore -- data/backups/verbatim-YYYYMMDD-HHMMSS.db");
  }
  const result = await restoreDatabase({ backupFile: args[0] });
  console.log(`Restored ${result.restoredFrom}.`);
  if (result.previous) console.log(`The database as it was is kept at ${result.previous}.`);
  if (result.pendingMigrations.length > 0) {
    console.log(`Applying ${result.pendingMigrations.length} migration(s) the backup predates…`);
    await prepareDatabase();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BackupError ? error.message : `The restore failed: ${String(error)}`);
    process.exit(error instanceof BackupError ? 2 : 1);
  },
);
