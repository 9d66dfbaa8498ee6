import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  replyToNote,
  updateAnnotation,
} from "@/lib/editor/annotations";
import { editSegment } from "@/lib/editor/segments";
import {
  expectAppError,
  makeTranscript,
  person,
  rangeOf,
  revisionNumbers,
  type TestUser,
} from "@/lib/editor/test-support";

const CLAIM = "We mark 20 years since the launch of KFOR. Our mission remains unchanged.";

async function setUp() {
  const reporter = await person("Rita Reporter");
  const transcript = await makeTranscript(reporter, [CLAIM, "Questions, please."]);
  return { reporter, transcript, segmentId: transcript.segmentIds[0]! };
}

async function noteOn(actor: TestUser, transcriptId: string, segmentId: string, words: string) {
  const { annotation } = await createAnnotation(actor, transcriptId, {
    segmentId,
    ...rangeOf(CLAIM, words),
    kind: "note",
    body: "Is this right?",
  });
  return annotation;
}

describe("creating an annotation", () => {
  it("stores the range with its quote selector and records one revision by the author", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const { annotation } = await createAnnotation(reporter, transcript.id, {
      segmentId,
      ...rangeOf(CLAIM, "20 years"),
      kind: "context",
      body: "KFOR began in **June 1999**.",
    });
    expect(annotation).toMatchObject({
      segmentId,
      start: 8,
      end: 16,
      quote: { exact: "20 years", prefix: "We mark ", suffix: CLAIM.slice(16, 16 + 32) },
      status: "anchored",
      kind: "context",
      body: "KFOR began in **June 1999**.",
      author: { id: reporter.id, name: "Rita Reporter" },
    });
    const revisions = await db.revision.findMany({ where: { transcriptId: transcript.id, number: 2 } });
    expect(revisions).toMatchObject([{ action: "annotation.add", actorId: reporter.id }]);
  });

  it.each([
    ["a range past the end of the text", CLAIM.length - 2, CLAIM.length + 1],
    ["an empty range", 5, 5],
    ["a range that ends before it starts", 9, 4],
  ])("refuses %s as UNPROCESSABLE", async (_, start, end) => {
    const { reporter, transcript, segmentId } = await setUp();
    const error = await expectAppError(
      createAnnotation(reporter, transcript.id, { segmentId, start, end, kind: "note", body: "" }),
      "UNPROCESSABLE",
    );
    expect(error.message).toContain(`0–${CLAIM.length}`);
    expect(await db.annotation.count({ where: { transcriptId: transcript.id } })).toBe(0);
    expect(await revisionNumbers(transcript.id)).toEqual([1]);
  });

  it("refuses a fact-check without a verdict, and a verdict on anything else", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const range = rangeOf(CLAIM, "20 years");
    const missing = await expectAppError(
      createAnnotation(reporter, transcript.id, { segmentId, ...range, kind: "factcheck", body: "" }),
      "BAD_REQUEST",
    );
    expect(missing.fieldErrors.verdict).toBeDefined();
    await expectAppError(
      createAnnotation(reporter, transcript.id, { segmentId, ...range, kind: "quote", body: "", verdict: "false" }),
      "BAD_REQUEST",
    );
    expect(await db.annotation.count({ where: { transcriptId: transcript.id } })).toBe(0);
  });

  it("stores a fact-check's verdict, claim, checker and sources, and lists them back", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const sources = [
      { url: "https://www.nato.int/cps/en/natohq/topics_48818.htm", title: "NATO's role in Kosovo" },
      { url: "https://example.org/kfor" },
    ];
    await createAnnotation(reporter, transcript.id, {
      segmentId,
      ...rangeOf(CLAIM, "20 years since the launch of KFOR"),
      kind: "factcheck",
      body: "KFOR deployed on 12 June 1999.",
      verdict: "accurate",
      claim: "  KFOR launched 20 years ago ",
      checker: " Fiona Checker ",
      sources,
    });
    const [listed] = await listAnnotations(reporter, transcript.id);
    expect(listed).toMatchObject({
      kind: "factcheck",
      verdict: "accurate",
      claim: "KFOR launched 20 years ago",
      checker: "Fiona Checker",
      sources,
    });
  });
});

describe("notes: resolving, reopening and replies", () => {
  it("resolves and reopens a note, recording who and when", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const editor = await person("Edward Editor", "EDITOR");
    const note = await noteOn(reporter, transcript.id, segmentId, "KFOR");
    const resolved = await updateAnnotation(editor, transcript.id, note.id, { resolved: true });
    expect(resolved.annotation).toMatchObject({ resolved: true, resolvedAt: expect.any(String) });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).resolvedById).toBe(editor.id);

    const reopened = await updateAnnotation(reporter, transcript.id, note.id, { resolved: false });
    expect(reopened.annotation).toMatchObject({ resolved: false, resolvedAt: null });
    const actions = await db.revision.findMany({
      where: { transcriptId: transcript.id },
      orderBy: { number: "asc" },
      select: { summary: true, actorId: true },
    });
    expect(actions.slice(-2)).toEqual([
      { summary: "Resolved a note", actorId: editor.id },
      { summary: "Reopened a note", actorId: reporter.id },
    ]);
  });

  it("does not resolve anything but a note", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const { annotation } = await createAnnotation(reporter, transcript.id, {
      segmentId,
      ...rangeOf(CLAIM, "KFOR"),
      kind: "context",
      body: "Kosovo Force.",
    });
    await expectAppError(updateAnnotation(reporter, transcript.id, annotation.id, { resolved: true }), "UNPROCESSABLE");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).resolvedAt).toBeNull();
  });

  it("keeps replies in a note's thread, in order, and refuses replies on other kinds", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const editor = await person("Edward Editor", "EDITOR");
    const note = await noteOn(reporter, transcript.id, segmentId, "KFOR");
    await replyToNote(editor, transcript.id, note.id, "Checked: June 1999.");
    await replyToNote(reporter, transcript.id, note.id, "Thanks.");
    const [listed] = await listAnnotations(reporter, transcript.id);
    expect(listed!.replies.map((reply) => [reply.author.name, reply.body])).toEqual([
      ["Edward Editor", "Checked: June 1999."],
      ["Rita Reporter", "Thanks."],
    ]);

    const { annotation: quote } = await createAnnotation(reporter, transcript.id, {
      segmentId,
      ...rangeOf(CLAIM, "Our mission remains unchanged."),
      kind: "quote",
      body: "",
    });
    await expectAppError(replyToNote(reporter, transcript.id, quote.id, "Hello?"), "UNPROCESSABLE");
    expect(await db.annotationReply.count({ where: { annotationId: quote.id } })).toBe(0);
  });
});

describe("editing, re-attaching and deleting an annotation", () => {
  it("re-attaches an annotation that needs review to a new range, anchored again", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const note = await noteOn(reporter, transcript.id, segmentId, "KFOR");
    const edited = CLAIM.replace("the launch of KFOR", "the launch of the Kosovo Force");
    await editSegment(reporter, transcript.id, segmentId, { text: edited, baseVersion: 1 });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).status).toBe("NEEDS_REVIEW");

    const { annotation } = await updateAnnotation(reporter, transcript.id, note.id, {
      segmentId,
      ...rangeOf(edited, "Kosovo Force"),
    });
    expect(annotation).toMatchObject({
      status: "anchored",
      reviewReason: null,
      quote: { exact: "Kosovo Force" },
      ...rangeOf(edited, "Kosovo Force"),
    });
  });

  it("refuses a re-attachment outside the text, or without all of segmentId, start and end", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const note = await noteOn(reporter, transcript.id, segmentId, "KFOR");
    await expectAppError(
      updateAnnotation(reporter, transcript.id, note.id, { segmentId, start: 0, end: CLAIM.length + 5 }),
      "UNPROCESSABLE",
    );
    await expectAppError(updateAnnotation(reporter, transcript.id, note.id, { start: 0 }), "BAD_REQUEST");
    expect(await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      start: note.start,
      end: note.end,
    });
  });

  it("updates a body and sources", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const note = await noteOn(reporter, transcript.id, segmentId, "KFOR");
    const { annotation } = await updateAnnotation(reporter, transcript.id, note.id, {
      body: "Ask the press office.",
      sources: [{ url: "https://www.nato.int/kfor" }],
    });
    expect(annotation).toMatchObject({
      body: "Ask the press office.",
      sources: [{ url: "https://www.nato.int/kfor" }],
    });
    expect(annotation.version).toBe(note.version + 1);
  });

  it("soft-deletes: the row stays, it leaves the list, and it cannot be edited any more", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const note = await noteOn(reporter, transcript.id, segmentId, "KFOR");
    const kept = await noteOn(reporter, transcript.id, segmentId, "20 years");
    await deleteAnnotation(reporter, transcript.id, note.id);

    expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).deletedAt).not.toBeNull();
    expect((await listAnnotations(reporter, transcript.id)).map((annotation) => annotation.id)).toEqual([kept.id]);
    await expectAppError(updateAnnotation(reporter, transcript.id, note.id, { body: "Again" }), "NOT_FOUND");
    await expectAppError(deleteAnnotation(reporter, transcript.id, note.id), "NOT_FOUND");
    const last = await db.revision.findFirstOrThrow({
      where: { transcriptId: transcript.id },
      orderBy: { number: "desc" },
    });
    expect(last).toMatchObject({ action: "annotation.delete", actorId: reporter.id });
  });

  it("lists annotations in reading order: by paragraph, then by where they start", async () => {
    const { reporter, transcript, segmentId } = await setUp();
    const second = transcript.segmentIds[1]!;
    const late = await createAnnotation(reporter, transcript.id, {
      segmentId: second,
      start: 0,
      end: 9,
      kind: "note",
      body: "",
    });
    const kfor = await noteOn(reporter, transcript.id, segmentId, "KFOR");
    const years = await noteOn(reporter, transcript.id, segmentId, "20 years");
    expect((await listAnnotations(reporter, transcript.id)).map((annotation) => annotation.id)).toEqual([
      years.id,
      kfor.id,
      late.annotation.id,
    ]);
  });
});
