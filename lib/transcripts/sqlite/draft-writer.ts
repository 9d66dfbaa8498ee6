// Storing a draft on SQLite, on the worker's own better-sqlite3 connection: one IMMEDIATE transaction (it takes the
// write lock up front, so concurrent writers queue on the busy timeout instead of failing half-way with "database is
// locked"); a failure rolls back, and so does SQLite for a connection a killed worker left open.
import type Database from "better-sqlite3";
import { restoreInProgress, RESTORING_MESSAGE } from "@/lib/db/maintenance";
import { IngestError } from "@/lib/ingest/types";
import { insertDraft, slugPattern, type DraftWriter, type StoreDraftRequest, type StoredDraft } from "../store-draft";

/** Dates as Prisma's SQLite adapter writes them ("2026-11-27T13:10:34.859+00:00"), so Prisma reads them back. */
function prismaDate(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

function sqliteWriter(sqlite: Database.Database): DraftWriter {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
    return statement;
  };
  return {
    takenSlugs: (base) =>
      prepare(`SELECT "slug" FROM "Transcript" WHERE "slug" = ? OR "slug" LIKE ? ESCAPE '\\'`)
        .pluck()
        .all(base, slugPattern(base)) as string[],
    entityId(type, name, newId, now) {
      const found = prepare(`SELECT "id" FROM "Entity" WHERE "type" = ? AND "name" = ?`).pluck().get(type, name);
      if (typeof found === "string") return found;
      prepare(`INSERT INTO "Entity" ("id", "type", "name", "createdAt") VALUES (?, ?, ?, ?)`).run(
        newId,
        type,
        name,
        now,
      );
      return newId;
    },
    insert(table, columns, rows) {
      if (rows.length === 0) return;
      const insert = prepare(
        `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      );
      for (const row of rows) insert.run(...row);
    },
    countMentions(transcriptId) {
      prepare(
        `UPDATE "TranscriptEntity" SET "mentionCount" =
          (SELECT count(*) FROM "Mention" WHERE "Mention"."transcriptEntityId" = "TranscriptEntity"."id")
          WHERE "transcriptId" = ?`,
      ).run(transcriptId);
    },
    date: prismaDate,
  };
}

export async function storeDraftSqlite(sqlite: Database.Database, request: StoreDraftRequest): Promise<StoredDraft> {
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    // Holding the write lock: a restore that has begun (lib/db/maintenance.ts) refuses the draft, as the server's
    // own transactions are refused (lib/db.ts).
    if (restoreInProgress(sqlite.name)) throw new IngestError("BUSY", RESTORING_MESSAGE);
    // The writer is synchronous: nothing else runs on this connection between BEGIN and COMMIT.
    const draft = await insertDraft(sqliteWriter(sqlite), request);
    sqlite.exec("COMMIT");
    return draft;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}
