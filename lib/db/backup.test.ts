import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { appliedMigrations, backupDatabase, BackupError, knownMigrations, restoreDatabase } from "@/lib/db/backup";

let folder: string;
let live: string;

/** A database migrated the way `npm start` does it (prisma migrate deploy), so it carries a migration history. */
function migratedDatabase(file: string): void {
  const migrate = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  });
  if (migrate.status !== 0) throw new Error(migrate.stdout + migrate.stderr);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}

function names(file: string): string[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare("SELECT name FROM User ORDER BY name").all() as { name: string }[]).map((row) => row.name);
  } finally {
    sqlite.close();
  }
}

function addUser(file: string, name: string): void {
  const sqlite = new Database(file);
  try {
    sqlite
      .prepare(
        "INSERT INTO User (id, email, name, role, active, sessionVersion, createdAt, updatedAt) VALUES (?, ?, ?, 'REPORTER', 1, 1, ?, ?)",
      )
      .run(`id-${name}`, `${name}@newsroom.test`, name, Date.now(), Date.now());
  } finally {
    sqlite.close();
  }
}

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-backup-"));
  live = path.join(folder, "live.db");
  migratedDatabase(live);
}, 60_000);

describe("backupDatabase", () => {
  it("copies a database another connection is writing to, including what is still in the WAL", async () => {
    addUser(live, "Ada");
    // An open writer with uncheckpointed pages: a plain file copy of live.db alone would miss them.
    const writer = new Database(live);
    writer.pragma("wal_autocheckpoint = 0");
    writer
      .prepare(
        "INSERT INTO User (id, email, name, role, active, sessionVersion, createdAt, updatedAt) VALUES ('id-b', 'b@newsroom.test', 'Bea', 'EDITOR', 1, 1, 0, 0)",
      )
      .run();
    try {
      const result = await backupDatabase({ databaseFile: live, directory: path.join(folder, "backups") });
      expect(path.basename(result.file)).toMatch(/^verbatim-\d{8}-\d{6}(-\d+)?\.db$/);
      expect(names(result.file)).toEqual(["Ada", "Bea"]);
      expect(result.migrations).toBe(knownMigrations().length);
      expect(fs.statSync(result.file).mode & 0o777).toBe(0o600);
      // One self-contained file: nothing of it left in a WAL beside it.
      expect(fs.readdirSync(path.dirname(result.file))).toEqual([path.basename(result.file)]);
    } finally {
      writer.close();
    }
  });

  it("never overwrites an earlier backup made in the same second", async () => {
    const at = new Date("2026-11-27T10:00:00Z");
    const directory = path.join(folder, "same-second");
    const first = await backupDatabase({ databaseFile: live, directory, at });
    const second = await backupDatabase({ databaseFile: live, directory, at });
    expect(second.file).not.toBe(first.file);
    expect(fs.existsSync(first.file)).toBe(true);
  });
});

describe("restoreDatabase", () => {
  it("gives back the rows of the backup and keeps the replaced database aside", async () => {
    const directory = path.join(folder, "round-trip");
    const before = names(live);
    const { file } = await backupDatabase({ databaseFile: live, directory });
    addUser(live, "Written after the backup");
    expect(names(live)).toContain("Written after the backup");

    const result = await restoreDatabase({ backupFile: file, databaseFile: live, directory });
    expect(names(live)).toEqual(before);
    expect(result.pendingMigrations).toEqual([]);
    expect(result.previous).not.toBeNull();
    expect(names(result.previous ?? "")).toContain("Written after the backup");
    const check = new Database(live, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(appliedMigrations(check)).toEqual(knownMigrations());
    check.close();
  });

  it("waits for a write already under way, so the copy kept aside holds it: no acknowledged write is lost", async () => {
    const directory = path.join(folder, "in-flight");
    const { file } = await backupDatabase({ databaseFile: live, directory });
    // A server's transaction that began before the restore: it holds the write lock and commits 300 ms later.
    const server = new Database(live);
    server.exec("BEGIN IMMEDIATE");
    server
      .prepare(
        "INSERT INTO User (id, email, name, role, active, sessionVersion, createdAt, updatedAt) VALUES ('id-late', 'late@newsroom.test', 'Acknowledged late', 'REPORTER', 1, 1, 0, 0)",
      )
      .run();
    const committed = new Promise<number>((resolve) =>
      setTimeout(() => {
        server.exec("COMMIT");
        resolve(Date.now());
      }, 300),
    );
    try {
      const result = await restoreDatabase({ backupFile: file, databaseFile: live, directory });
      const restoredAt = Date.now();
      expect(await committed).toBeLessThanOrEqual(restoredAt);
      // Acknowledged before the restore replaced the database: not in it, but in the copy kept aside.
      expect(names(live)).not.toContain("Acknowledged late");
      expect(names(result.previous!)).toContain("Acknowledged late");
    } finally {
      server.close();
    }
  });

  it("a connection that stayed open through the restore reads the restored rows", async () => {
    const directory = path.join(folder, "open-reader");
    const { file } = await backupDatabase({ databaseFile: live, directory });
    const server = new Database(live);
    try {
      server
        .prepare(
          "INSERT INTO User (id, email, name, role, active, sessionVersion, createdAt, updatedAt) VALUES ('id-z', 'z@newsroom.test', 'Zed', 'REPORTER', 1, 1, 0, 0)",
        )
        .run();
      await restoreDatabase({ backupFile: file, databaseFile: live, directory });
      const rows = server.prepare("SELECT name FROM User WHERE name = 'Zed'").all();
      expect(rows).toEqual([]);
    } finally {
      server.close();
    }
  });

  it("refuses a damaged backup and leaves the database untouched", async () => {
    const { file } = await backupDatabase({ databaseFile: live, directory: path.join(folder, "damaged") });
    const bytes = fs.readFileSync(file);
    // Overwrite the middle of the file: pages the integrity check reads.
    bytes.fill(0x41, 4096, Math.min(bytes.length, 4096 * 6));
    fs.writeFileSync(file, bytes);
    const before = names(live);
    await expect(restoreDatabase({ backupFile: file, databaseFile: live })).rejects.toThrow(BackupError);
    expect(names(live)).toEqual(before);
  });

  it("refuses a file that is not a Verbatim database, and a missing file, with a sentence", async () => {
    const stranger = path.join(folder, "stranger.db");
    const sqlite = new Database(stranger);
    sqlite.exec("CREATE TABLE notes (body TEXT)");
    sqlite.close();
    await expect(restoreDatabase({ backupFile: stranger, databaseFile: live })).rejects.toThrow(
      "not a Verbatim database",
    );
    await expect(restoreDatabase({ backupFile: path.join(folder, "nope.db"), databaseFile: live })).rejects.toThrow(
      "does not exist",
    );
    const text = path.join(folder, "notes.txt");
    fs.writeFileSync(text, "just some words, not a database at all".repeat(200));
    await expect(restoreDatabase({ backupFile: text, databaseFile: live })).rejects.toThrow(BackupError);
  });

  it("refuses a backup made by a newer version (a migration this one does not have)", async () => {
    const { file } = await backupDatabase({ databaseFile: live, directory: path.join(folder, "newer") });
    const sqlite = new Database(file);
    sqlite
      .prepare(
        "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('x', 'x', 1, '29991231000000_from_the_future', 1)",
      )
      .run();
    sqlite.close();
    await expect(restoreDatabase({ backupFile: file, databaseFile: live })).rejects.toThrow("newer version");
  });

  it("restores an older backup and names the migrations still to apply", async () => {
    const { file } = await backupDatabase({ databaseFile: live, directory: path.join(folder, "older") });
    const latest = knownMigrations().at(-1) ?? "";
    const sqlite = new Database(file);
    sqlite.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(latest);
    sqlite.close();
    const result = await restoreDatabase({
      backupFile: file,
      databaseFile: live,
      directory: path.join(folder, "older"),
    });
    expect(result.pendingMigrations).toEqual([latest]);
  });
});
