// Upkeep of SQLite's FTS5 tables (created in prisma/migrations/*_public_index): raw SQL lives in per-database
// modules only.
import type { db } from "@/lib/db";

/** Rebuilds both FTS5 indexes from their tables (after a restore, or by `npm run search:reindex`). */
export async function rebuildFullTextSqlite(client: Pick<typeof db, "$executeRawUnsafe">): Promise<void> {
  await client.$executeRawUnsafe(`INSERT INTO "PublicParagraphFts" ("PublicParagraphFts") VALUES ('rebuild')`);
  await client.$executeRawUnsafe(`INSERT INTO "DeskSegmentFts" ("DeskSegmentFts") VALUES ('rebuild')`);
}

/** Merges the public index's segments into one, so queries read one b-tree per word instead of many. */
export async function optimizeFullTextSqlite(client: Pick<typeof db, "$executeRawUnsafe">): Promise<void> {
  await client.$executeRawUnsafe(`INSERT INTO "PublicParagraphFts" ("PublicParagraphFts") VALUES ('optimize')`);
}
