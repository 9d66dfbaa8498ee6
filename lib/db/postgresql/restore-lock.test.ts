// A restore on PostgreSQL holds every server's writers off (lib/db/postgresql/restore-lock.ts, lib/db.ts).
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/response";
import { db } from "@/lib/db";
import { RESTORING_MESSAGE } from "@/lib/db/maintenance";
import { holdWritersOff } from "@/lib/db/postgresql/restore-lock";
import { createTestUser } from "@/lib/test/factories";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("holding writers off for a restore", () => {
  it("waits for a write under way, then refuses new writes, in a transaction or alone, until released", async () => {
    const user = await createTestUser();
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    // A save that began before the restore: it holds its shared lock until it commits.
    const underWay = db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { name: "Saved before the restore" } });
      await gate;
    });
    await pause(100);
    let isHeld = false;
    const holding = holdWritersOff(process.env.DATABASE_URL!).then((release) => {
      isHeld = true;
      return release;
    });
    await pause(300);
    expect(isHeld).toBe(false);
    finish();
    await underWay;
    const release = await holding;
    // What it wrote is in the database the restore will copy aside.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Saved before the restore");

    // Held: a new write transaction is refused as it begins, and writes nothing; reads go on.
    const refused = await db
      .$transaction((tx) => tx.user.update({ where: { id: user.id }, data: { name: "Written during the restore" } }))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/being restored/) });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Saved before the restore");
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

    await release();
    await db.auditEvent.create({ data: { action: "test.during-restore", targetType: "system" } });
    expect(await db.auditEvent.count({ where: { action: "test.during-restore" } })).toBe(1);
    await db.$transaction((tx) => tx.user.update({ where: { id: user.id }, data: { name: "Written after" } }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Written after");
  });
});
