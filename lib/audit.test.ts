import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AUDIT_PAGE_SIZE, listAuditEvents, recordAuditEvent } from "@/lib/audit";
import { createTestUser } from "@/lib/test/factories";

beforeEach(async () => {
  await db.auditEvent.deleteMany();
});

describe("audit log", () => {
  it("lists newest first, filters by actor and action, and pages", async () => {
    const alice = await createTestUser({ name: "Alice" });
    const bob = await createTestUser({ name: "Bob" });
    const start = Date.now() - 1_000_000;
    for (let index = 0; index < AUDIT_PAGE_SIZE + 5; index++) {
      await db.auditEvent.create({
        data: {
          actorId: index % 2 === 0 ? alice.id : bob.id,
          action: index % 3 === 0 ? "user.invited" : "auth.signed_in",
          targetType: "user",
          details: JSON.stringify({ index }),
          at: new Date(start + index * 1000),
        },
      });
    }
    const firstPage = await listAuditEvents({});
    expect(firstPage.total).toBe(AUDIT_PAGE_SIZE + 5);
    expect(firstPage.pageCount).toBe(2);
    expect(firstPage.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(firstPage.events[0]?.details).toEqual({ index: AUDIT_PAGE_SIZE + 4 });
    const secondPage = await listAuditEvents({ page: 2 });
    expect(secondPage.events.map((event) => event.details.index)).toEqual([4, 3, 2, 1, 0]);

    const alicesInvites = await listAuditEvents({ actorId: alice.id, action: "user.invited" });
    expect(alicesInvites.events.length).toBeGreaterThan(0);
    for (const event of alicesInvites.events) {
      expect(event.actor?.name).toBe("Alice");
      expect(event.action).toBe("user.invited");
      expect((event.details.index as number) % 6).toBe(0);
    }
  });

  it("rolls back with the change it records", async () => {
    const user = await createTestUser();
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, {
          actorId: user.id,
          action: "account.name_changed",
          targetType: "account",
          targetId: user.id,
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { targetId: user.id } })).toBe(0);
  });

  it("names the transcript an event concerns, so the log can link to it, and nothing once it is gone", async () => {
    const reporter = await createTestUser();
    const transcript = await db.transcript.create({
      data: { slug: `audit-link-${reporter.id}`, title: "Budget hearing, day two", createdById: reporter.id },
      select: { id: true },
    });
    await db.auditEvent.createMany({
      data: [
        { actorId: reporter.id, action: "transcript.submitted", targetType: "transcript", targetId: transcript.id },
        { actorId: reporter.id, action: "transcript.submitted", targetType: "transcript", targetId: "deleted-one" },
        { actorId: reporter.id, action: "account.name_changed", targetType: "account", targetId: reporter.id },
      ],
    });
    const { events } = await listAuditEvents({ actorId: reporter.id });
    const byTarget = new Map(events.map((event) => [event.targetId, event.transcript]));
    expect(byTarget.get(transcript.id)).toEqual({ id: transcript.id, title: "Budget hearing, day two" });
    expect(byTarget.get("deleted-one")).toBeNull();
    expect(byTarget.get(reporter.id)).toBeNull();
  });
});
