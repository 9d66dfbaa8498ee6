// SQLite only: one connection serves every request of this process, and a long transaction yields to the event loop
// between slices of its work (lib/ops/slices.ts). Other requests' statements that arrive meanwhile must not become
// part of it: their reads see only what is committed, their writes wait for it to end (and survive its rollback).
import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const action = (label: string) => `test.open-transaction.${label}`;

async function audit(label: string) {
  return db.auditEvent.create({ data: { action: action(label), targetType: "system" }, select: { id: true } });
}

describe("a transaction that yields to the event loop (SQLite)", () => {
  it("keeps other requests' reads to committed rows, and their writes out of it until it ends", async () => {
    let markInside!: () => void;
    const inside = new Promise<void>((resolve) => (markInside = resolve));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let ownRead = -1;

    const transaction = db
      .$transaction(
        async (tx) => {
          await tx.auditEvent.create({ data: { action: action("uncommitted"), targetType: "system" } });
          // The global client from inside the transaction's own work still reads its writes (and does not wait for
          // the transaction it is part of).
          ownRead = await db.auditEvent.count({ where: { action: action("uncommitted") } });
          markInside();
          // Other requests run here, between slices.
          await finished;
          await nextTurn();
          throw new Error("rolled back on purpose");
        },
        { timeout: 30_000 },
      )
      .catch((error: Error) => error.message);

    await inside;
    expect(ownRead).toBe(1);
    // Another request's read: nothing uncommitted.
    expect(await db.auditEvent.count({ where: { action: action("uncommitted") } })).toBe(0);
    // Another request's write: it waits for the transaction to end…
    let written = false;
    const write = audit("outside").then((row) => {
      written = true;
      return row;
    });
    await nextTurn();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(false);
    finish();
    expect(await transaction).toBe("rolled back on purpose");
    // …and is not undone with it.
    const { id } = await write;
    expect(await db.auditEvent.findUnique({ where: { id }, select: { action: true } })).toEqual({
      action: action("outside"),
    });
    expect(await db.auditEvent.count({ where: { action: action("uncommitted") } })).toBe(0);
  });
});
