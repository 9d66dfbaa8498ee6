import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation, listAnnotations } from "@/lib/editor/annotations";
import { restoreRevision } from "@/lib/editor/history";
import { applyReplace } from "@/lib/editor/replace";
import { deleteSegment, editSegment, mergeIntoPrevious, restoreSegment, splitSegment } from "@/lib/editor/segments";
import {
  expectMentionsConsistent,
  liveSegments,
  makeTranscript,
  person,
  rangeOf,
  uploadNato,
  type TestUser,
} from "@/lib/editor/test-support";

const AZOV =
  "This morning, Allies and the Ukrainian defence minister Stepan Poltorak discussed the security situation in and around Ukraine, including the Sea of Azov.";

async function noteOn(actor: TestUser, transcriptId: string, segmentId: string, text: string, words: string) {
  const { annotation } = await createAnnotation(actor, transcriptId, {
    segmentId,
    ...rangeOf(text, words),
    kind: "note",
    body: "Check this.",
  });
  return annotation;
}

const annotationRow = (id: string) => db.annotation.findUniqueOrThrow({ where: { id } });

describe("annotations re-anchored when their paragraph is saved", () => {
  it("move with their words when words before them are edited, keeping the same quote", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [AZOV]);
    const [segmentId] = transcript.segmentIds as [string];
    const note = await noteOn(reporter, transcript.id, segmentId, AZOV, "Sea of Azov");

    const edited = AZOV.replace("This morning, Allies", "Early this morning, the Allies");
    const result = await editSegment(reporter, transcript.id, segmentId, { text: edited, baseVersion: 1 });
    const row = await annotationRow(note.id);
    expect(row).toMatchObject({ status: "ANCHORED", exact: "Sea of Azov", ...rangeOf(edited, "Sea of Azov") });
    expect(row.start).toBe(note.start + edited.length - AZOV.length);
    expect(result.annotations.find((annotation) => annotation.id === note.id)).toMatchObject({
      start: row.start,
      end: row.end,
      status: "anchored",
    });
  });

  it("take in a typo fixed inside their words: the stored quote is the corrected text", async () => {
    const reporter = await person("Rita Reporter");
    const typo = AZOV.replace("Sea of Azov", "Sea of Azof");
    const transcript = await makeTranscript(reporter, [typo]);
    const [segmentId] = transcript.segmentIds as [string];
    const note = await noteOn(reporter, transcript.id, segmentId, typo, "Sea of Azof");

    await editSegment(reporter, transcript.id, segmentId, { text: AZOV, baseVersion: 1 });
    const row = await annotationRow(note.id);
    expect(row).toMatchObject({ status: "ANCHORED", exact: "Sea of Azov", start: note.start, end: note.end });
    expect(row.suffix).toBe(".");
  });

  it("need review as deleted when their words are deleted, and are still listed", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [AZOV]);
    const [segmentId] = transcript.segmentIds as [string];
    const note = await noteOn(reporter, transcript.id, segmentId, AZOV, "Sea of Azov");

    await editSegment(reporter, transcript.id, segmentId, {
      text: AZOV.replace(", including the Sea of Azov.", "."),
      baseVersion: 1,
    });
    expect(await annotationRow(note.id)).toMatchObject({
      status: "NEEDS_REVIEW",
      reviewReason: "deleted",
      exact: "Sea of Azov",
      deletedAt: null,
    });
    const listed = await listAnnotations(reporter, transcript.id);
    expect(listed.map((annotation) => [annotation.id, annotation.status, annotation.reviewReason])).toEqual([
      [note.id, "needs_review", "deleted"],
    ]);
  });

  it("need review as moved when a rewrite takes their words out and puts them in two other places", async () => {
    const reporter = await person("Rita Reporter");
    const before = "Kyiv will be invited, the minister said after the long meeting in Brussels on Tuesday.";
    const after =
      "The minister said after the long meeting in Brussels on Tuesday: Kyiv will be invited. Kyiv will be invited!";
    const transcript = await makeTranscript(reporter, [before]);
    const [segmentId] = transcript.segmentIds as [string];
    const note = await noteOn(reporter, transcript.id, segmentId, before, "Kyiv will be invited");

    await editSegment(reporter, transcript.id, segmentId, { text: after, baseVersion: 1 });
    expect(await annotationRow(note.id)).toMatchObject({
      status: "NEEDS_REVIEW",
      reviewReason: "moved",
      exact: "Kyiv will be invited",
    });
  });

  it("leave an annotation that already needs review where it is on later saves", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [AZOV]);
    const [segmentId] = transcript.segmentIds as [string];
    const note = await noteOn(reporter, transcript.id, segmentId, AZOV, "Sea of Azov");
    const shortened = AZOV.replace(", including the Sea of Azov.", ".");
    await editSegment(reporter, transcript.id, segmentId, { text: shortened, baseVersion: 1 });
    const waiting = await annotationRow(note.id);

    // The words come back: a person re-attaches the note, the save does not guess.
    await editSegment(reporter, transcript.id, segmentId, { text: AZOV, baseVersion: 2 });
    expect(await annotationRow(note.id)).toMatchObject({
      status: "NEEDS_REVIEW",
      reviewReason: "deleted",
      start: waiting.start,
      end: waiting.end,
    });
  });
});

describe("entity mentions kept right as the NATO upload is edited", () => {
  async function natoCounts(transcriptId: string) {
    const links = await expectMentionsConsistent(transcriptId);
    return Object.fromEntries(links.map((link) => [link.entity.name, link.mentionCount]));
  }

  it("start out consistent after the upload", async () => {
    const reporter = await person("Rita Reporter");
    const id = await uploadNato(reporter);
    const counts = await natoCounts(id);
    expect(counts).toMatchObject({ NATO: 8, Kosovo: 3, Ukraine: 3, EU: 4 });
  });

  it("drop a mention whose words were edited away, keep the others and add new occurrences", async () => {
    const reporter = await person("Rita Reporter");
    const id = await uploadNato(reporter);
    const [first] = await liveSegments(id);
    // One of the paragraph's three "NATO" goes; "Kosovo" and "Ukraine" are added; text before the rest shifts them.
    const text = `Hello. ${first!.text.replace("complement NATO.", "complement the Alliance.")} Kosovo and Ukraine too.`;
    await editSegment(reporter, id, first!.id, { text, baseVersion: first!.version });
    expect(await natoCounts(id)).toMatchObject({ NATO: 7, Kosovo: 4, Ukraine: 4, EU: 4 });
  });

  it("stay consistent when a paragraph with several mentions of one name loses one of them", async () => {
    const reporter = await person("Rita Reporter");
    const id = await uploadNato(reporter);
    const paragraphs = await liveSegments(id);
    const last = paragraphs.at(-1)!;
    // The last paragraph says NATO twice; the second one goes.
    const text = last.text.replace("meeting of NATO Heads of State", "meeting of Heads of State");
    await editSegment(reporter, id, last.id, { text, baseVersion: last.version });
    expect(await natoCounts(id)).toMatchObject({ NATO: 7 });
  });

  it("follow a split, a merge, a deletion and a restore", async () => {
    const reporter = await person("Rita Reporter");
    const id = await uploadNato(reporter);
    const [first, , third] = (await liveSegments(id)) as [
      { id: string; text: string; version: number },
      unknown,
      { id: string; text: string; version: number },
    ];

    // Split the first paragraph between its second and third "NATO".
    const offset = first.text.indexOf("This is particularly important");
    const split = await splitSegment(reporter, id, first.id, { offset, baseVersion: first.version });
    expect(await natoCounts(id)).toMatchObject({ NATO: 8, EU: 4 });

    const head = split.segments[0]!;
    const tail = split.segments[1]!;
    await mergeIntoPrevious(reporter, id, tail.id, { baseVersion: tail.version, previousBaseVersion: head.version });
    expect(await natoCounts(id)).toMatchObject({ NATO: 8, EU: 4 });

    await deleteSegment(reporter, id, third.id, third.version);
    expect(await natoCounts(id)).toMatchObject({ NATO: 7, Kosovo: 1, KFOR: 0, Iraq: 0 });
    expect(await db.mention.count({ where: { segmentId: third.id } })).toBe(0);

    await restoreSegment(reporter, id, third.id);
    expect(await natoCounts(id)).toMatchObject({ NATO: 8, Kosovo: 3, KFOR: 2, Iraq: 2 });
  });

  it("follow a replace across the transcript and a restore of the first revision", async () => {
    const reporter = await person("Rita Reporter");
    const id = await uploadNato(reporter);
    const result = await applyReplace(reporter, id, {
      find: "NATO",
      replace: "the Alliance",
      matchCase: true,
      wholeWord: true,
    });
    expect(result.replaced).toBe(8);
    expect(await natoCounts(id)).toMatchObject({ NATO: 0, EU: 4 });

    await applyReplace(reporter, id, { find: "Kosovo", replace: "Kosovo (KFOR)", matchCase: true, wholeWord: true });
    expect(await natoCounts(id)).toMatchObject({ Kosovo: 3, KFOR: 5 });

    await restoreRevision(reporter, id, 1);
    expect(await natoCounts(id)).toMatchObject({ NATO: 8, Kosovo: 3, KFOR: 2, EU: 4 });
  });
});
