// A full disk and a busy database, met for real on SQLite: the person is told, and nothing is half-written.
import { afterEach, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/response";
import { db } from "@/lib/db";
import { DISK_FULL_MESSAGE } from "@/lib/db/errors";
import { editSegment } from "@/lib/editor/segments";
import { makeTranscript } from "@/lib/editor/test-support";
import { createTestUser } from "@/lib/test/factories";

afterEach(async () => {
  // Room again for the next test.
  await db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
});

describe("a full disk during a save", () => {
  it("answers 507 with a sentence, and the paragraph and its history are as they were", async () => {
    const owner = await createTestUser();
    const transcript = await makeTranscript(owner, ["The committee meets on Monday.", "Agreed."]);
    const segmentId = transcript.segmentIds[0]!;
    const revisionsBefore = await db.revision.count({ where: { transcriptId: transcript.id } });
    // No page more than the file has now: the next write that needs one fails as a full disk would (SQLITE_FULL).
    const pages = (await db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count"))[0]!.page_count;
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages)}`);

    const failure = await editSegment(owner, transcript.id, segmentId, {
      text: `The committee meets on Monday. ${"A very long amendment. ".repeat(20_000)}`,
      baseVersion: 1,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    const response = errorResponse(failure);
    expect(response.status).toBe(507);
    expect(await response.json()).toEqual({ error: { code: "STORAGE_FULL", message: DISK_FULL_MESSAGE } });

    await db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
    const segment = await db.segment.findUniqueOrThrow({ where: { id: segmentId } });
    expect(segment).toMatchObject({ text: "The committee meets on Monday.", version: 1 });
    expect(await db.revision.count({ where: { transcriptId: transcript.id } })).toBe(revisionsBefore);
  });
});
