// A database busy past its wait, met for real on PostgreSQL: 503 with Retry-After, and nothing half-written.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/response";
import { db } from "@/lib/db";
import { DATABASE_BUSY_MESSAGE } from "@/lib/db/errors";
import { createTestUser } from "@/lib/test/factories";

describe("a write that waits too long for another", () => {
  it("answers 503 with Retry-After and a sentence; the row is as it was", async () => {
    const user = await createTestUser({ name: "Before" });
    // Another session (a long migration, a stuck transaction) holds the table.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`LOCK TABLE "User" IN ACCESS EXCLUSIVE MODE`);
      const failure = await db
        .$transaction(async (tx) => {
          await tx.$queryRawUnsafe("SET LOCAL lock_timeout = '100ms'");
          await tx.user.update({ where: { id: user.id }, data: { name: "After" } });
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      const response = errorResponse(failure);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE", message: DATABASE_BUSY_MESSAGE } });
    } finally {
      await other.query("ROLLBACK");
      await other.end();
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Before");
  });
});
