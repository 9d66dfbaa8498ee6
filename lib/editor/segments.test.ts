import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation, listAnnotations } from "@/lib/editor/annotations";
import { getTranscriptPage } from "@/lib/editor/queries";
import {
  deleteSegment,
  editSegment,
  insertSegment,
  mergeIntoPrevious,
  moveSegment,
  restoreSegment,
  splitSegment,
} from "@/lib/editor/segments";
import {
  expectAppError,
  liveSegments,
  makeTranscript,
  person,
  rangeOf,
  segmentText,
  textsOf,
  versionOf,
  type TestUser,
} from "@/lib/editor/test-support";

const AZOV =
  "This morning, Allies and the Ukrainian defence minister Stepan Poltorak discussed the security situation in and around Ukraine, including the Sea of Azov.";

async function annotate(actor: TestUser, transcriptId: string, segmentId: string, words: string) {
  const range = rangeOf(await segmentText(segmentId), words);
  const { annotation } = await createAnnotation(actor, transcriptId, {
    segmentId,
    ...range,
    kind: "note",
    body: words,
  });
  return annotation;
}

async function annotationRow(id: string) {
  return db.annotation.findUniqueOrThrow({ where: { id } });
}

describe("saving a paragraph against the version it was based on", () => {
  it("saves an edit based on the current version and raises the version by one", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good afternoon.", "We have just finished."]);
    const [first] = transcript.segmentIds as [string];
    const result = await editSegment(reporter, transcript.id, first, { text: "Good evening.", baseVersion: 1 });
    expect(result.segment).toMatchObject({ id: first, text: "Good evening.", version: 2, position: 0 });
    expect(result.segment.updatedBy).toEqual({ id: reporter.id, name: "Rita Reporter" });
    expect(await segmentText(first)).toBe("Good evening.");
    expect(await versionOf(first)).toBe(2);
  });

  it("refuses an edit based on an older version with a conflict naming who saved, and the server's text", async () => {
    const owner = await person("Olga Owner");
    const editor = await person("Edward Editor", "EDITOR");
    const transcript = await makeTranscript(owner, ["Good afternoon.", "We have just finished."]);
    const [first] = transcript.segmentIds as [string];
    await editSegment(editor, transcript.id, first, { text: "Good afternoon, everyone.", baseVersion: 1 });

    const error = await expectAppError(
      editSegment(owner, transcript.id, first, { text: "Good afternoon, all.", baseVersion: 1 }),
      "CONFLICT",
    );
    expect(error.message).toContain("Edward Editor");
    const current = error.extra.current as { segment: { text: string; version: number }; by: { name: string } };
    expect(current.segment).toMatchObject({ text: "Good afternoon, everyone.", version: 2 });
    expect(current.by.name).toBe("Edward Editor");
    expect(await segmentText(first)).toBe("Good afternoon, everyone.");
  });

  it("saves two edits to different paragraphs that were based on the same state", async () => {
    const owner = await person("Olga Owner");
    const colleague = await person("Colin Colleague", "EDITOR");
    const transcript = await makeTranscript(owner, ["Good afternoon.", "We have just finished."]);
    const [first, second] = transcript.segmentIds as [string, string];
    const [a, b] = await Promise.all([
      editSegment(owner, transcript.id, first, { text: "Good evening.", baseVersion: 1 }),
      editSegment(colleague, transcript.id, second, { text: "We have finished.", baseVersion: 1 }),
    ]);
    expect([a.segment.version, b.segment.version]).toEqual([2, 2]);
    expect(await textsOf(transcript.id)).toEqual(["Good evening.", "We have finished."]);
  });
});

describe("splitting a paragraph", () => {
  it("carries the annotations after the split point to the new paragraph with shifted offsets", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [`Good afternoon. ${AZOV}`]);
    const [segmentId] = transcript.segmentIds as [string];
    const greeting = await annotate(reporter, transcript.id, segmentId, "Good afternoon");
    const azov = await annotate(reporter, transcript.id, segmentId, "Sea of Azov");

    const offset = "Good afternoon.".length;
    const result = await splitSegment(reporter, transcript.id, segmentId, { offset, baseVersion: 1 });
    const first = result.segments[0]!;
    const second = result.segments[1]!;
    expect(first.text).toBe("Good afternoon.");
    expect(second.text).toBe(AZOV);

    const moved = await annotationRow(azov.id);
    expect(moved).toMatchObject({ segmentId: second.id, status: "ANCHORED", exact: "Sea of Azov" });
    expect(AZOV.slice(moved.start, moved.end)).toBe("Sea of Azov");
    expect(moved.start).toBe(azov.start - offset - 1);
    expect(await annotationRow(greeting.id)).toMatchObject({ segmentId, start: 0, end: 14, status: "ANCHORED" });
  });

  it("divides a timed paragraph's time between the two parts by their share of the characters", async () => {
    const reporter = await person("Rita Reporter");
    const text = "Good afternoon. We have just finished the last session.";
    const transcript = await makeTranscript(reporter, [{ text, startMs: 10_000, endMs: 20_000 }]);
    const [segmentId] = transcript.segmentIds as [string];
    const offset = text.indexOf("We");
    await splitSegment(reporter, transcript.id, segmentId, { offset, baseVersion: 1 });
    const middle = Math.round(10_000 + 10_000 * (offset / text.length));
    const [first, second] = await liveSegments(transcript.id);
    expect(first).toMatchObject({ id: segmentId, text: "Good afternoon.", startMs: 10_000, endMs: middle });
    expect(second).toMatchObject({ text: "We have just finished the last session.", startMs: middle, endMs: 20_000 });
  });

  it("leaves an untimed paragraph's parts untimed", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good afternoon. We have just finished."]);
    const [segmentId] = transcript.segmentIds as [string];
    await splitSegment(reporter, transcript.id, segmentId, { offset: 15, baseVersion: 1 });
    const segments = await liveSegments(transcript.id);
    expect(segments.map(({ startMs, endMs }) => [startMs, endMs])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it("refuses a split based on an older version", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good afternoon. We have just finished."]);
    const [segmentId] = transcript.segmentIds as [string];
    await editSegment(reporter, transcript.id, segmentId, {
      text: "Good evening. We have just finished.",
      baseVersion: 1,
    });
    await expectAppError(splitSegment(reporter, transcript.id, segmentId, { offset: 5, baseVersion: 1 }), "CONFLICT");
    expect(await textsOf(transcript.id)).toEqual(["Good evening. We have just finished."]);
  });
});

describe("merging a paragraph into the one before", () => {
  it("carries the second paragraph's annotations onto the first, shifted by the first one's text", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good afternoon.", AZOV, "Questions, please."]);
    const [first, second] = transcript.segmentIds as [string, string];
    const greeting = await annotate(reporter, transcript.id, first, "afternoon");
    const azov = await annotate(reporter, transcript.id, second, "Sea of Azov");

    const result = await mergeIntoPrevious(reporter, transcript.id, second, { baseVersion: 1, previousBaseVersion: 1 });
    expect(result.segment.text).toBe(`Good afternoon. ${AZOV}`);
    expect(result.removedSegmentId).toBe(second);
    expect(await textsOf(transcript.id)).toEqual([`Good afternoon. ${AZOV}`, "Questions, please."]);

    const moved = await annotationRow(azov.id);
    expect(moved).toMatchObject({ segmentId: first, status: "ANCHORED", exact: "Sea of Azov" });
    expect(moved.start).toBe(azov.start + "Good afternoon. ".length);
    expect(result.segment.text.slice(moved.start, moved.end)).toBe("Sea of Azov");
    expect(await annotationRow(greeting.id)).toMatchObject({ segmentId: first, start: 5, end: 14 });
  });

  it("refuses on the first paragraph, since there is nothing before it", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good afternoon.", "We have just finished."]);
    const [first] = transcript.segmentIds as [string];
    await expectAppError(
      mergeIntoPrevious(reporter, transcript.id, first, { baseVersion: 1, previousBaseVersion: 1 }),
      "UNPROCESSABLE",
    );
    expect(await textsOf(transcript.id)).toEqual(["Good afternoon.", "We have just finished."]);
  });

  it("refuses when the previous paragraph changed since the caller saw it", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good afternoon.", "We have just finished."]);
    const [first, second] = transcript.segmentIds as [string, string];
    await editSegment(reporter, transcript.id, first, { text: "Good evening.", baseVersion: 1 });
    await expectAppError(
      mergeIntoPrevious(reporter, transcript.id, second, { baseVersion: 1, previousBaseVersion: 1 }),
      "CONFLICT",
    );
    expect(await textsOf(transcript.id)).toEqual(["Good evening.", "We have just finished."]);
  });
});

describe("reading order", () => {
  async function pageTexts(actor: TestUser, transcriptId: string) {
    const page = await getTranscriptPage(actor, transcriptId, 0, 1_000);
    expect(page.segments.map((segment) => segment.position)).toEqual(page.segments.map((_, index) => index));
    expect(page.segmentCount).toBe(page.segments.length);
    return page.segments.map((segment) => segment.text);
  }

  it("numbers paragraphs 0..n-1 in reading order after inserts, splits and moves", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["A", "B", "C"]);
    const [a, b, c] = transcript.segmentIds as [string, string, string];
    await insertSegment(reporter, transcript.id, { afterSegmentId: a, text: "A2" });
    await insertSegment(reporter, transcript.id, { afterSegmentId: null, text: "Start" });
    await insertSegment(reporter, transcript.id, { afterSegmentId: c, text: "End" });
    expect(await pageTexts(reporter, transcript.id)).toEqual(["Start", "A", "A2", "B", "C", "End"]);

    await editSegment(reporter, transcript.id, b, { text: "B1 B2", baseVersion: 1 });
    await splitSegment(reporter, transcript.id, b, { offset: 2, baseVersion: 2 });
    expect(await pageTexts(reporter, transcript.id)).toEqual(["Start", "A", "A2", "B1", "B2", "C", "End"]);

    await moveSegment(reporter, transcript.id, c, { afterSegmentId: null });
    await moveSegment(reporter, transcript.id, a, { afterSegmentId: b });
    expect(await pageTexts(reporter, transcript.id)).toEqual(["C", "Start", "A2", "B1", "A", "B2", "End"]);
  });

  it("keeps the order when many paragraphs are inserted at one spot, which forces a renumbering", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Opening", "First", "Last"]);
    const [, first] = transcript.segmentIds as [string, string];
    // Each insert right after "First" (at 1) halves the room before the previous one: 60 use up a double's precision.
    for (let index = 1; index <= 60; index++) {
      await insertSegment(reporter, transcript.id, { afterSegmentId: first, text: `Inserted ${index}` });
    }
    const expected = [
      "Opening",
      "First",
      ...Array.from({ length: 60 }, (_, index) => `Inserted ${60 - index}`),
      "Last",
    ];
    expect(await pageTexts(reporter, transcript.id)).toEqual(expected);
    const positions = (await liveSegments(transcript.id)).map((segment) => segment.position);
    expect(new Set(positions).size).toBe(positions.length);
    // Rows were renumbered (to multiples of 1024) once the room ran out, and the renumbering is in the history.
    expect(positions.some((position) => position >= 1024)).toBe(true);
  });

  it("keeps a paragraph inserted where a deleted one was apart from it when that one is restored", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["A", "B", "C"]);
    const [a, b, c] = transcript.segmentIds as [string, string, string];
    await deleteSegment(reporter, transcript.id, b, 1);
    await insertSegment(reporter, transcript.id, { afterSegmentId: a, text: "New" });
    await moveSegment(reporter, transcript.id, c, { afterSegmentId: null });
    await restoreSegment(reporter, transcript.id, b);
    const positions = (await db.segment.findMany({ where: { transcriptId: transcript.id } })).map(
      (segment) => segment.position,
    );
    expect(new Set(positions).size).toBe(positions.length);
    const texts = await pageTexts(reporter, transcript.id);
    expect(texts).toHaveLength(4);
    expect(texts[0]).toBe("C");
    expect(texts.indexOf("A")).toBeLessThan(texts.indexOf("B"));
  });
});

describe("deleting and restoring a paragraph", () => {
  it("soft-deletes the paragraph and puts its annotations under review as paragraph-deleted", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good afternoon.", AZOV]);
    const [, second] = transcript.segmentIds as [string, string];
    const azov = await annotate(reporter, transcript.id, second, "Sea of Azov");
    await deleteSegment(reporter, transcript.id, second, 1);

    expect(await textsOf(transcript.id)).toEqual(["Good afternoon."]);
    const row = await db.segment.findUniqueOrThrow({ where: { id: second } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.text).toBe(AZOV);
    const listed = (await listAnnotations(reporter, transcript.id)).find((annotation) => annotation.id === azov.id);
    expect(listed).toMatchObject({ status: "needs_review", reviewReason: "paragraph-deleted" });
  });

  it("restores the paragraph in its place with its annotations anchored again", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good afternoon.", AZOV, "Questions, please."]);
    const [, second] = transcript.segmentIds as [string, string];
    const azov = await annotate(reporter, transcript.id, second, "Sea of Azov");
    await deleteSegment(reporter, transcript.id, second, 1);
    await restoreSegment(reporter, transcript.id, second);

    expect(await textsOf(transcript.id)).toEqual(["Good afternoon.", AZOV, "Questions, please."]);
    expect(await annotationRow(azov.id)).toMatchObject({
      segmentId: second,
      status: "ANCHORED",
      reviewReason: null,
      start: azov.start,
      end: azov.end,
      exact: "Sea of Azov",
    });
  });

  it("refuses to restore a paragraph that is not deleted", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good afternoon."]);
    await expectAppError(restoreSegment(reporter, transcript.id, transcript.segmentIds[0]!), "NOT_FOUND");
  });
});
