// `npm run backup [-- --dir FOLDER]`: a consistent copy of the live database in data/backups (or FOLDER): the SQLite
// file through SQLite's backup API, or on PostgreSQL an archive made by pg_dump.
import path from "node:path";
import { BackupError, backupDatabase } from "@/lib/db/backup";
import { backupPostgres } from "@/lib/db/postgresql/backup";
import { currentProvider } from "@/lib/db/provider";

function folderArgument(args: readonly string[]): string | undefined {
  const index = args.indexOf("--dir");
  if (index === -1) return undefined;
  const folder = args[index + 1];
  if (!folder) throw new BackupError("--dir needs a folder: npm run backup -- --dir /path/to/backups");
  return folder;
}

async function main(): Promise<void> {
  process.umask(0o077);
  const args = process.argv.slice(2);
  const unknown = args.filter((arg, index) => arg !== "--dir" && args[index - 1] !== "--dir");
  if (unknown.length > 0)
    throw new BackupError(`Unknown argument ${unknown[0]}. Usage: npm run backup [-- --dir FOLDER]`);
  const started = performance.now();
  const directory = folderArgument(args);
  const result =
    currentProvider() === "postgresql"
      ? await backupPostgres({
          url: process.env.DATABASE_URL!,
          directory: directory ?? path.join(process.cwd(), "data", "backups"),
        })
      : await backupDatabase({ directory });
  const megabytes = (result.bytes / (1024 * 1024)).toFixed(1);
  console.log(
    `Backed up to ${result.file} (${megabytes} MB, ${result.migrations} migrations, ${Math.round(performance.now() - started)} ms).`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BackupError ? error.message : `The backup failed: ${String(error)}`);
    process.exit(error instanceof BackupError ? 2 : 1);
  },
);
