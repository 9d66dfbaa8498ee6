// Coordination between servers that share one database. On SQLite there is one server per file, and SQLite lets one
// writer in at a time, so there is nothing to do; on PostgreSQL the helpers in ./postgresql/coordination.ts do it.
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockTranscriptPostgres, notifyPostgres } from "./postgresql/coordination";
import { runQuery } from "./provider";

type Raw = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/** Serialises changes to one transcript's workflow across servers, for the rest of the transaction `tx`. */
export function lockTranscript(tx: Raw, transcriptId: string): Promise<void> {
  return runQuery({
    sqlite: async () => undefined,
    postgresql: () => lockTranscriptPostgres(tx, transcriptId),
  });
}

/** Tells the other servers something (PostgreSQL's NOTIFY): true when sent; on SQLite there are none (false). */
export function notifyServers(client: Raw, channel: string, payload: string): Promise<boolean> {
  return runQuery<Promise<boolean>>({
    sqlite: async () => false,
    postgresql: async () => {
      await notifyPostgres(client, channel, payload);
      return true;
    },
  });
}
