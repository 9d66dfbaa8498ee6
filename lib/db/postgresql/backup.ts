// Back-up and restore on PostgreSQL, with the promises `npm run backup` / `restore` make on SQLite: a consistent copy
// while the servers keep running (pg_dump reads one snapshot), checked after writing; a restore that refuses a
// damaged file, a file that is not a Verbatim backup, or one made by a newer version, keeps the database as it was
// aside first, restores in one transaction, and applies the migrations the backup predates (scripts/restore.ts then
// tells every server and the edge cache to forget their public pages). Uses pg_dump and pg_restore (Debian's
// `postgresql-client`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BackupError, backupFileName, type BackupResult, type RestoreResult } from "@/lib/db/backup";
import { poolConfig } from "./connection";
import { migratePostgres, migrationNames } from "./migrate";
import { holdWritersOff } from "./restore-lock";

/** pg_dump or pg_restore: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin, else the PATH. */
export function postgresTool(name: "pg_dump" | "pg_restore"): string {
  const folders = [
    process.env.PG_BIN,
    ...(fs.existsSync("/usr/lib/postgresql")
      ? fs
          .readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => path.join("/usr/lib/postgresql", version, "bin"))
      : []),
    ...(process.env.PATH ?? "").split(path.delimiter),
  ].filter((folder): folder is string => Boolean(folder));
  const found = folders.map((folder) => path.join(folder, name)).find((file) => fs.existsSync(file));
  if (!found) {
    throw new BackupError(
      `${name} is not installed: run \`apt-get install -y postgresql-client\` (or set PG_BIN to the folder holding it).`,
    );
  }
  return found;
}

/** Runs pg_dump or pg_restore; the database address goes in the environment, never on a command line others see. */
function run(tool: "pg_dump" | "pg_restore", args: string[], url: string | null, what: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url) {
    const parsed = new URL(url);
    Object.assign(env, {
      PGHOST: parsed.hostname,
      PGPORT: parsed.port || "5432",
      PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
      PGUSER: decodeURIComponent(parsed.username),
      PGPASSWORD: decodeURIComponent(parsed.password),
      ...(parsed.searchParams.get("sslmode") ? { PGSSLMODE: parsed.searchParams.get("sslmode")! } : {}),
    });
  }
  const result = spawnSync(postgresTool(tool), args, { env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    const detail = (result.stderr || result.error?.message || "").trim().split("\n")[0];
    throw new BackupError(`${what} failed: ${detail}`);
  }
  return result.stdout;
}

async function appliedMigrationCount(url: string): Promise<number> {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

/** The migrations a pg_dump archive holds, read from its copy of _prisma_migrations; throws if it is not one. */
function migrationsInArchive(file: string): string[] {
  const head = Buffer.alloc(16);
  const descriptor = fs.openSync(file, "r");
  try {
    fs.readSync(descriptor, head, 0, 16, 0);
  } finally {
    fs.closeSync(descriptor);
  }
  if (head.toString("latin1").startsWith("SQLite format 3")) {
    throw new BackupError(
      "This is a SQLite backup; Verbatim runs on PostgreSQL here. Restore a .dump made by `npm run backup` on PostgreSQL, or move a SQLite install with `npm run db:copy`.",
    );
  }
  if (!head.toString("latin1").startsWith("PGDMP")) {
    throw new BackupError("The file is not a PostgreSQL backup made by `npm run backup` (pg_dump's custom format).");
  }
  const listing = run("pg_restore", ["--list", file], null, "Reading the backup");
  if (!/TABLE DATA \S+ _prisma_migrations /.test(listing)) {
    throw new BackupError("The backup is not a Verbatim database: it has no migration history.");
  }
  const copy = run(
    "pg_restore",
    ["--data-only", "--table=_prisma_migrations", "--file=-", file],
    null,
    "Reading the backup's migrations",
  );
  const lines = copy.split("\n");
  const header = lines.findIndex((line) => /^COPY \S*_prisma_migrations \(/.test(line));
  if (header === -1) throw new BackupError("The backup's migration history cannot be read.");
  const columns = /\(([^)]*)\)/
    .exec(lines[header]!)![1]!
    .split(",")
    .map((name) => name.trim().replace(/"/g, ""));
  const at = (name: string) => columns.indexOf(name);
  const names: string[] = [];
  for (const line of lines.slice(header + 1)) {
    if (line === "\\.") break;
    const fields = line.split("\t");
    if (fields[at("finished_at")] === "\\N" || fields[at("rolled_back_at")] !== "\\N") continue;
    names.push(fields[at("migration_name")]!);
  }
  return names;
}

export async function backupPostgres({
  url,
  directory,
  prefix = "verbatim",
  at = new Date(),
}: {
  url: string;
  directory: string;
  prefix?: string;
  at?: Date;
}): Promise<BackupResult> {
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const name = backupFileName(prefix, at).replace(/\.db$/, ".dump");
  let file = path.join(directory, name);
  for (let attempt = 2; fs.existsSync(file); attempt++)
    file = path.join(directory, name.replace(/\.dump$/, `-${attempt}.dump`));
  try {
    // One snapshot of the whole database while the servers keep writing; no owners or grants, so it restores
    // into a database of another role.
    run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], url, "pg_dump");
    fs.chmodSync(file, 0o600);
    migrationsInArchive(file);
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  return { file, bytes: fs.statSync(file).size, migrations: await appliedMigrationCount(url) };
}

export async function restorePostgres({
  backupFile,
  url,
  directory,
  migrations = path.join(process.cwd(), "prisma", "postgresql", "migrations"),
}: {
  backupFile: string;
  url: string;
  directory: string;
  migrations?: string;
}): Promise<RestoreResult> {
  const file = path.resolve(backupFile);
  if (!fs.existsSync(file)) throw new BackupError(`There is no backup at ${file}.`);
  const inBackup = migrationsInArchive(file);
  const known = migrationNames(migrations);
  const unknown = inBackup.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup was made by a newer version of Verbatim (migration ${unknown[0]} is not in this one). ` +
        "Upgrade Verbatim first, then restore.",
    );
  }
  const missing = known.filter((name) => !inBackup.includes(name));
  if (missing.some((name) => name < (inBackup.at(-1) ?? ""))) {
    throw new BackupError("The backup's migration history does not match this version of Verbatim.");
  }

  // Writers are held off from here to the end, across every server; the writes under way finish first, so the copy
  // kept aside holds every acknowledged one (./restore-lock.ts).
  const release = await holdWritersOff(url);
  try {
    return await replaceDatabase({ file, url, directory, migrations });
  } finally {
    await release();
  }
}

async function replaceDatabase({
  file,
  url,
  directory,
  migrations,
}: {
  file: string;
  url: string;
  directory: string;
  migrations: string;
}): Promise<RestoreResult> {
  const previous = (await backupPostgres({ url, directory, prefix: "before-restore" })).file;
  // Everything the backup holds replaces what is there, in one transaction: a failure leaves the database as it was.
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  run(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      "--no-privileges",
      `--dbname=${database}`,
      file,
    ],
    url,
    "pg_restore",
  );
  const { applied } = await migratePostgres(url, migrations);
  return { restoredFrom: file, previous, pendingMigrations: applied };
}
