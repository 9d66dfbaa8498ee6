// Holding writers off while a restore runs on PostgreSQL, across every server of a cluster. Each write transaction
// takes a shared advisory lock for its length (lib/db.ts asks for it, without waiting, as the transaction begins);
// `npm run restore` takes the same lock exclusively for the whole restore. Taking it waits for the transactions under
// way, so the copy kept aside holds every write they made; while it is held, a transaction that begins finds the lock
// taken and is refused (503 with Retry-After), so nothing is written between that copy and the restore.
import pg from "pg";
import { poolConfig } from "@/lib/db/postgresql/connection";

const KEY = "hashtextextended('verbatim.restore', 0)";

/** true when no restore holds the lock; run inside a write transaction, it keeps the shared lock until it ends. */
export const WRITES_ALLOWED_SQL = `SELECT pg_try_advisory_xact_lock_shared(${KEY}) AS allowed`;

/** Waits for the write transactions under way, then holds new ones off until the returned release is called. */
export async function holdWritersOff(url: string): Promise<() => Promise<void>> {
  const client = new pg.Client(poolConfig(url, { max: 1 }));
  await client.connect();
  try {
    await client.query(`SELECT 1 AS held FROM (SELECT pg_advisory_lock(${KEY})) AS taken`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return async () => {
    try {
      await client.query(`SELECT pg_advisory_unlock(${KEY}) AS released`);
    } finally {
      await client.end();
    }
  };
}
