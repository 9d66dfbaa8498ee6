// Back-up and restore on PostgreSQL (pg_dump / pg_restore), against this test file's own database: a backup taken
// while rows are written restores exactly what it held; refusals (a SQLite file, not a backup at all, a backup from
// a newer version) leave the database as it was. PostgreSQL only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { BackupError } from "@/lib/db/backup";
import { db } from "@/lib/db";
import { backupPostgres, restorePostgres } from "@/lib/db/postgresql/backup";

const url = () => process.env.DATABASE_URL!;
const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), "pg-backups-"));

async function people(): Promise<string[]> {
  return (await db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true } })).map(
    (user) => `${user.email} ${user.name}`,
  );
}

describe("backup and restore on PostgreSQL", () => {
  beforeEach(async () => {
    await db.user.deleteMany();
  });

  it("restores what the backup held, and keeps the database as it was aside", async () => {
    await db.user.create({ data: { email: "ada@newsroom.test", name: "Ada Ødegård 🐟" } });
    await db.user.create({ data: { email: "bo@newsroom.test", name: 'Bo "Quote" O\'Neil' } });
    const directory = folder();
    const backup = await backupPostgres({ url: url(), directory });
    expect(path.basename(backup.file)).toMatch(/^verbatim-\d{8}-\d{6}\.dump$/);
    expect((fs.statSync(backup.file).mode & 0o777).toString(8)).toBe("600");
    expect(backup.migrations).toBeGreaterThan(1);
    const atBackup = await people();

    await db.user.delete({ where: { email: "ada@newsroom.test" } });
    await db.user.create({ data: { email: "after@newsroom.test", name: "Written after the backup" } });
    const beforeRestore = await people();

    const result = await restorePostgres({ backupFile: backup.file, url: url(), directory });
    expect(await people()).toEqual(atBackup);
    expect(result.pendingMigrations).toEqual([]);
    expect(path.basename(result.previous!)).toMatch(/^before-restore-\d{8}-\d{6}(-\d+)?\.dump$/);

    // The database as it was before the restore is itself a backup that restores.
    await restorePostgres({ backupFile: result.previous!, url: url(), directory });
    expect(await people()).toEqual(beforeRestore);
  });

  it("refuses what is not a PostgreSQL backup of Verbatim, and changes nothing", async () => {
    await db.user.create({ data: { email: "kept@newsroom.test", name: "Kept" } });
    const directory = folder();
    const sqlite = path.join(directory, "verbatim-20261127-030000.db");
    fs.writeFileSync(sqlite, Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4080)]));
    await expect(restorePostgres({ backupFile: sqlite, url: url(), directory })).rejects.toThrow(
      /^This is a SQLite backup; .*npm run db:copy/,
    );
    const notes = path.join(directory, "notes.dump");
    fs.writeFileSync(notes, "Minutes of Tuesday's meeting.\n");
    const refusal = restorePostgres({ backupFile: notes, url: url(), directory });
    await expect(refusal).rejects.toBeInstanceOf(BackupError);
    await expect(refusal).rejects.toThrow(/not a PostgreSQL backup made by `npm run backup`/);
    await expect(
      restorePostgres({ backupFile: path.join(directory, "gone.dump"), url: url(), directory }),
    ).rejects.toThrow(/^There is no backup at /);
    expect(await people()).toEqual(["kept@newsroom.test Kept"]);
    // No "before-restore" copy is made for a restore that was refused.
    expect(fs.readdirSync(directory).filter((name) => name.startsWith("before-restore"))).toEqual([]);
  });

  it("refuses a backup made by a newer version of Verbatim", async () => {
    await db.user.create({ data: { email: "now@newsroom.test", name: "Now" } });
    await db.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ('future', 'x', '29991231000000_from_the_future', now(), now(), 1)`,
    );
    const directory = folder();
    const backup = await backupPostgres({ url: url(), directory });
    await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE id = 'future'`);
    await db.user.create({ data: { email: "later@newsroom.test", name: "Later" } });
    await expect(restorePostgres({ backupFile: backup.file, url: url(), directory })).rejects.toThrow(
      /newer version of Verbatim \(migration 29991231000000_from_the_future is not in this one\)/,
    );
    expect(await people()).toEqual(["later@newsroom.test Later", "now@newsroom.test Now"]);
  });
});
