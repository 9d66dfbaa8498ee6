import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/response";
import { db } from "@/lib/db";
import {
  beginRestore,
  endRestore,
  lastRestoredAt,
  restoreInProgress,
  restoreMarkerFile,
  RESTORING_MESSAGE,
} from "@/lib/db/maintenance";
import { AppError } from "@/lib/errors";
import { createTestUser } from "@/lib/test/factories";

afterEach(() => fs.rmSync(restoreMarkerFile(), { force: true }));

describe("a restore in progress", () => {
  it("is seen from its marker while its process lives, and forgotten when that process is gone", () => {
    expect(restoreInProgress()).toBeNull();
    beginRestore("data/backups/verbatim-20261207-120000.db");
    expect(restoreInProgress()).toMatchObject({ pid: process.pid, backup: "data/backups/verbatim-20261207-120000.db" });
    expect(() => beginRestore("another.db")).toThrow(/Another restore \(process \d+/);
    // A restore that died leaves its marker; a dead process's marker holds nobody off.
    fs.writeFileSync(restoreMarkerFile(), JSON.stringify({ pid: 2 ** 22 + 7, startedAt: "x", backup: "y" }));
    expect(restoreInProgress()).toBeNull();
  });

  it("refuses every write transaction as it begins, with the 503 sentence, and lets them through after", async () => {
    const user = await createTestUser();
    const stampBefore = lastRestoredAt();
    beginRestore("backup.db");
    const refused = await db
      .$transaction((tx) => tx.user.update({ where: { id: user.id }, data: { name: "Written during a restore" } }))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "UNAVAILABLE", message: RESTORING_MESSAGE });
    // A single write outside any transaction (an audit event, say) is refused the same way.
    const single = await db.auditEvent.create({ data: { action: "test.during-restore", targetType: "system" } }).then(
      () => null,
      (error: unknown) => error,
    );
    // Answered as a refused transaction is: 503, come back in a few seconds.
    const answer = errorResponse(single);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ error: { code: "UNAVAILABLE", message: RESTORING_MESSAGE } });
    expect(await db.auditEvent.count({ where: { action: "test.during-restore" } })).toBe(0);
    // Reads go on.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).not.toBe("Written during a restore");
    endRestore();
    await db.auditEvent.create({ data: { action: "test.during-restore", targetType: "system" } });
    expect(await db.auditEvent.count({ where: { action: "test.during-restore" } })).toBe(1);
    expect(lastRestoredAt()).toBeGreaterThan(stampBefore);
    await db.$transaction((tx) => tx.user.update({ where: { id: user.id }, data: { name: "Written after" } }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Written after");
  });
});
