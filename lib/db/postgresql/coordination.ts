// What several servers on one PostgreSQL database use to agree: a lock per transcript held for a transaction, and
// notifications from one server to the others. Raw SQL, PostgreSQL only; lib/db/coordination.ts picks it.
import type { Prisma } from "@/lib/generated/prisma/client";

type Raw = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/** Holds a lock on one transcript until the transaction ends: a second server's same change waits, then sees it. */
export async function lockTranscriptPostgres(tx: Raw, transcriptId: string): Promise<void> {
  // pg_advisory_xact_lock returns void, which the driver adapter cannot read: select a constant instead.
  await tx.$queryRawUnsafe(
    `SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS taken`,
    transcriptId,
  );
}

/** Sends `payload` to every server listening on `channel` (LISTEN), this one included, when the transaction commits. */
export async function notifyPostgres(client: Raw, channel: string, payload: string): Promise<void> {
  await client.$queryRawUnsafe(`SELECT 1 AS sent FROM (SELECT pg_notify($1, $2)) AS notified`, channel, payload);
}
