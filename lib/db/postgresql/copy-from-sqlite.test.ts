// `npm run db:copy`'s engine: a SQLite install, written the ways SQLite holds values (0/1 booleans, dates as ISO text,
// as SQLite's own CURRENT_TIMESTAMP text and as epoch milliseconds, bytes with NULs), arrives in this test's empty
// PostgreSQL database with every value as the app reads it; refusals leave the target as it was. PostgreSQL only.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findUserByApiToken } from "@/lib/auth/api-tokens";
import { hashTokenSecret } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { CopyError, copySqliteToPostgres } from "@/lib/db/postgresql/copy-from-sqlite";

let template: string;

beforeAll(() => {
  // A migrated, empty SQLite install, made the way `npm start` makes one.
  template = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "copy-source-")), "template.db");
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
}, 60_000);

// Each test copies into this file's database, emptied first.
beforeEach(async () => {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((table) => `"${table.name}"`).join(", ")} CASCADE`);
});

function sourceCopy(fill: (sqlite: Database.Database) => void): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "copy-source-")), "verbatim.db");
  fs.copyFileSync(template, file);
  const sqlite = new Database(file);
  try {
    fill(sqlite);
  } finally {
    sqlite.close();
  }
  return file;
}

const target = () => process.env.DATABASE_URL!;
const TOKEN = "vbt_" + "k".repeat(43);
const ORIGINAL = Buffer.concat([
  Buffer.from([0, 255, 0x80, 0, 0x1b]),
  randomBytes(200_000),
  Buffer.from("ø", "latin1"),
]);

function newsroom(sqlite: Database.Database) {
  sqlite
    .prepare(
      `INSERT INTO User (id, email, name, role, passwordHash, active, sessionVersion, createdAt, updatedAt, lastLoginAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      "user-a",
      "zoe@newsroom.test",
      "Zoë Ødegård 🐟 زينب",
      "EDITOR",
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
      0,
      3,
      // The three ways a date sits in a SQLite install: Prisma's ISO text, epoch milliseconds, CURRENT_TIMESTAMP.
      "2026-12-07T14:50:21.708+00:00",
      1796654981605,
      "2026-03-03 09:15:00",
    );
  sqlite
    .prepare(`INSERT INTO ApiToken (id, userId, name, tokenHash, prefix, createdAt) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(
      "token-a",
      "user-a",
      "made before the move",
      hashTokenSecret(TOKEN),
      TOKEN.slice(0, 10),
      "2026-12-01T08:00:00.000Z",
    );
  sqlite
    .prepare(
      `INSERT INTO AuditEvent (id, actorId, action, targetType, targetId, details, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      "audit-a",
      "user-a",
      "user.updated",
      "user",
      "user-a",
      JSON.stringify({ note: "« 2 % » – ok" }),
      1796654981605,
    );
}

describe("copying a SQLite install into PostgreSQL", () => {
  it("carries every value as the app reads it, and a token made before the move still works", async () => {
    const file = sourceCopy(newsroom);
    const before = fs.readFileSync(file);
    const result = await copySqliteToPostgres({ sourceFile: file, targetUrl: target() });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(result.rows).toBe(3);
    expect(result.tables.find((table) => table.table === "User")?.rows).toBe(1);

    const user = await db.user.findUniqueOrThrow({ where: { id: "user-a" } });
    expect(user).toMatchObject({
      email: "zoe@newsroom.test",
      name: "Zoë Ødegård 🐟 زينب",
      role: "EDITOR",
      active: false,
      sessionVersion: 3,
    });
    expect(user.createdAt.toISOString()).toBe("2026-12-07T14:50:21.708Z");
    expect(user.updatedAt.getTime()).toBe(1796654981605);
    expect(user.lastLoginAt?.toISOString()).toBe("2026-03-03T09:15:00.000Z");
    const audit = await db.auditEvent.findUniqueOrThrow({ where: { id: "audit-a" } });
    expect(JSON.parse(audit.details)).toEqual({ note: "« 2 % » – ok" });
    expect(audit.at.getTime()).toBe(1796654981605);

    // The user is deactivated, so the token is refused as it was before; reactivated, it works.
    expect(await findUserByApiToken(TOKEN)).toBeNull();
    await db.user.update({ where: { id: "user-a" }, data: { active: true } });
    expect((await findUserByApiToken(TOKEN))?.id).toBe("user-a");
  });

  it("copies an original upload byte for byte", async () => {
    const file = sourceCopy((sqlite) => {
      newsroom(sqlite);
      sqlite
        .prepare(
          `INSERT INTO Transcript (id, title, slug, createdById, updatedAt)
           VALUES ('transcript-a', 'Høring', 'horing', 'user-a', 1796654981605)`,
        )
        .run();
      sqlite
        .prepare(
          `INSERT INTO SourceFile (id, transcriptId, content, filename, mediaType, size, sha256, encoding, format, uploadedById, uploadedAt)
           VALUES ('file-a', 'transcript-a', ?, 'høring.txt', 'text/plain', ?, 'x', 'windows-1252', 'txt', 'user-a', 1796654981605)`,
        )
        .run(ORIGINAL, ORIGINAL.length);
    });
    const result = await copySqliteToPostgres({ sourceFile: file, targetUrl: target() });
    expect(result.originalBytes).toBe(ORIGINAL.length);
    const copied = await db.sourceFile.findUniqueOrThrow({ where: { id: "file-a" } });
    expect(Buffer.from(copied.content).equals(ORIGINAL)).toBe(true);
  });

  it("refuses a database that already holds data, and leaves it as it was", async () => {
    const file = sourceCopy(newsroom);
    await db.user.create({ data: { id: "already-here", email: "here@newsroom.test", name: "Already Here" } });
    await expect(copySqliteToPostgres({ sourceFile: file, targetUrl: target() })).rejects.toThrow(
      /^The PostgreSQL database already holds data \(in User\): copy into an empty database\.$/,
    );
    expect(await db.user.count()).toBe(1);
  });

  it("copies nothing when a row cannot go in: the whole copy is one transaction", async () => {
    const file = sourceCopy((sqlite) => {
      newsroom(sqlite);
      // A token whose owner is gone (SQLite without foreign-key enforcement lets this in; PostgreSQL does not).
      sqlite.exec("PRAGMA foreign_keys = OFF");
      sqlite
        .prepare(`INSERT INTO ApiToken (id, userId, name, tokenHash, prefix, createdAt) VALUES (?, ?, ?, ?, ?, ?)`)
        .run("orphan", "nobody", "orphan", "hash-2", "vbt_xxxxxx", 1796654981605);
    });
    await expect(copySqliteToPostgres({ sourceFile: file, targetUrl: target() })).rejects.toThrow(/foreign key/);
    expect(await db.user.count()).toBe(0);
    expect(await db.apiToken.count()).toBe(0);
  });

  it("refuses a source that is behind this version, or is not a Verbatim database", async () => {
    const behind = sourceCopy((sqlite) => {
      sqlite
        .prepare(
          `DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`,
        )
        .run();
    });
    await expect(copySqliteToPostgres({ sourceFile: behind, targetUrl: target() })).rejects.toThrow(
      /^The SQLite database lacks 1 migration\(s\) of this version \(first: \d{14}_\w+\)/,
    );
    const garbage = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "copy-source-")), "notes.db");
    fs.writeFileSync(garbage, "Minutes of the Tuesday meeting, not a database.\n".repeat(200));
    const refusal = copySqliteToPostgres({ sourceFile: garbage, targetUrl: target() });
    await expect(refusal).rejects.toBeInstanceOf(CopyError);
    await expect(refusal).rejects.toThrow(/is not a SQLite database Verbatim can read/);
    await expect(
      copySqliteToPostgres({ sourceFile: path.join(os.tmpdir(), "no-such-install.db"), targetUrl: target() }),
    ).rejects.toThrow(/^There is no SQLite database at /);
    expect(await db.user.count()).toBe(0);
  });
});
