import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { resolveSqlitePath } from "@/lib/db/database-url";
import { watchEventLoopGaps } from "@/lib/test/event-loop";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

function runWriter(label: string, rounds: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(process.cwd(), "node_modules", ".bin", "tsx"),
      [path.join(process.cwd(), "lib", "test", "concurrent-writer.ts"), label, String(rounds)],
      { env: process.env },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("the database client", () => {
  it("lets several processes write through read-then-write transactions without 'database is locked'", async () => {
    await db.auditEvent.deleteMany({ where: { action: "setup.completed" } });
    const rounds = 25;
    const results = await Promise.all(["a", "b", "c"].map((label) => runWriter(label, rounds)));
    for (const result of results) expect(result).toEqual({ code: 0, stderr: "" });
    expect(await db.auditEvent.count({ where: { action: "setup.completed" } })).toBe(3 * rounds);
  }, 60_000);

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
