// Storing a draft on PostgreSQL, on a connection of the worker's own pool: one transaction; rows go in many to a
// statement, so a 30,000-word draft is a few round trips, not thousands. Two uploads with the same title on two
// servers at once: the second's slug collides on the unique index, and it is stored again with the next free slug.
import type pg from "pg";
import { insertDraft, slugPattern, type DraftWriter, type StoreDraftRequest, type StoredDraft } from "../store-draft";

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;
const UNIQUE_VIOLATION = "23505";
const SLUG_RETRIES = 5;

function postgresWriter(client: pg.PoolClient): DraftWriter {
  return {
    async takenSlugs(base) {
      const { rows } = await client.query<{ slug: string }>(
        `SELECT "slug" FROM "Transcript" WHERE "slug" = $1 OR "slug" LIKE $2 ESCAPE '\\'`,
        [base, slugPattern(base)],
      );
      return rows.map((row) => row.slug);
    },
    async entityId(type, name, newId, now) {
      // Another server may create the same entity at the same moment: the unique (type, name) decides.
      await client.query(
        `INSERT INTO "Entity" ("id", "type", "name", "createdAt") VALUES ($1, $2, $3, $4) ON CONFLICT ("type", "name") DO NOTHING`,
        [newId, type, name, now],
      );
      const { rows } = await client.query<{ id: string }>(
        `SELECT "id" FROM "Entity" WHERE "type" = $1 AND "name" = $2`,
        [type, name],
      );
      return (rows[0] as { id: string }).id;
    },
    async insert(table, columns, rows) {
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
      const names = columns.map((column) => `"${column}"`).join(", ");
      for (let from = 0; from < rows.length; from += perStatement) {
        const chunk = rows.slice(from, from + perStatement);
        const values = chunk
          .map((_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(", ")})`)
          .join(", ");
        await client.query(`INSERT INTO "${table}" (${names}) VALUES ${values}`, chunk.flat());
      }
    },
    async countMentions(transcriptId) {
      await client.query(
        `UPDATE "TranscriptEntity" SET "mentionCount" =
          (SELECT count(*) FROM "Mention" WHERE "Mention"."transcriptEntityId" = "TranscriptEntity"."id")
          WHERE "transcriptId" = $1`,
        [transcriptId],
      );
    },
    date: (value) => value,
  };
}

function isSlugCollision(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && /slug/i.test(constraint ?? "");
}

export async function storeDraftPostgres(pool: pg.Pool, request: StoreDraftRequest): Promise<StoredDraft> {
  const client = await pool.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      await client.query("BEGIN");
      try {
        const draft = await insertDraft(postgresWriter(client), request);
        await client.query("COMMIT");
        return draft;
      } catch (error) {
        await client.query("ROLLBACK");
        if (!isSlugCollision(error) || attempt >= SLUG_RETRIES) throw error;
      }
    }
  } finally {
    client.release();
  }
}
