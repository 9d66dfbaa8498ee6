// SQLite only: one file, one writer at a time. The server's thread waits for another connection's write lock with
// timers (lib/db.ts), never synchronously, so readers keep being served while an ingestion worker saves.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveSqlitePath } from "@/lib/db/database-url";
import { watchEventLoopGaps } from "@/lib/test/event-loop";

describe("the SQLite client", () => {
  it("waits for another connection's write without blocking this thread, then writes", async () => {
    // Another connection (as an ingestion worker saving a large upload would) holds the write lock for 1.5 s.
    const other = new Database(resolveSqlitePath());
    other.exec("BEGIN IMMEDIATE");
    const gaps = watchEventLoopGaps();
    // Released by a timer on this very thread: if the write below waited synchronously, the timer could not fire.
    const released = new Promise<number>((resolve) =>
      setTimeout(() => {
        other.exec("COMMIT");
        resolve(performance.now());
      }, 1_500),
    );
    try {
      const write = db.auditEvent.create({
        data: { action: "setup.completed", targetType: "system", details: JSON.stringify({ waited: true }) },
        select: { id: true },
      });
      const [{ id }, releasedAt] = await Promise.all([write, released]);
      expect(performance.now()).toBeGreaterThanOrEqual(releasedAt);
      expect(await db.auditEvent.findUnique({ where: { id }, select: { id: true } })).toEqual({ id });
      expect(gaps.stop()).toBeLessThan(500);
    } finally {
      gaps.stop();
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });
});
