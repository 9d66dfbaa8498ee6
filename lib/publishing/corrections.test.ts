import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/editor/annotations";
import { deleteSegment, editSegment } from "@/lib/editor/segments";
import { expectAppError, rangeOf, segmentText, versionOf } from "@/lib/editor/test-support";
import { recordCorrection } from "@/lib/publishing/corrections";
import { loadPublicCorrections, loadPublicQuote, loadPublicTranscript } from "@/lib/publishing/public-queries";
import {
  READY_PARAGRAPHS,
  auditEvents,
  hoursIn,
  newsroom,
  publicationsOf,
  publishAt,
  readyTranscript,
  staff,
  workflowEvents,
} from "@/lib/publishing/test-support";
import { transitionTranscript } from "@/lib/publishing/workflow";

const FIRST = READY_PARAGRAPHS[0]!.text;
const SECOND = READY_PARAGRAPHS[1]!.text;
const CORRECTED = "Good afternoon. NATO defence ministers agreed to spend 1.5 percent of GDP on defence.";
const REASON = "The minister said 1.5 percent, not 2 percent: checked against the tape.";

/** A published transcript with a key quote and a context note in its first paragraph, and an internal note. */
async function published() {
  const people = await newsroom();
  const { reporter, editor } = people;
  const transcript = await readyTranscript(reporter, editor);
  const segmentId = transcript.segmentIds[0]!;
  const { annotation: quote } = await createAnnotation(reporter, transcript.id, {
    segmentId,
    ...rangeOf(FIRST, "spend 2 percent of GDP"),
    kind: "quote",
    body: "The headline pledge.",
  });
  const { annotation: context } = await createAnnotation(reporter, transcript.id, {
    segmentId,
    ...rangeOf(FIRST, "on defence"),
    kind: "context",
    body: "Excluding pensions.",
  });
  await publishAt(editor, transcript.id, hoursIn(0));
  return { ...people, transcript, segmentId, quote, context };
}

async function correctionRows(transcriptId: string) {
  return db.correction.findMany({
    where: { transcriptId },
    orderBy: { publicationNumber: "asc" },
    select: {
      segmentId: true,
      before: true,
      after: true,
      reason: true,
      publicationNumber: true,
      actorId: true,
      at: true,
    },
  });
}

describe("recording a correction", () => {
  it("publishes the previous snapshot with only the corrected paragraph changed and records why", async () => {
    const { reporter, editor, transcript, segmentId, quote, context } = await published();
    // A private edit to another paragraph after publication: a correction must not publish it.
    const other = transcript.segmentIds[1]!;
    await editSegment(reporter, transcript.id, other, {
      text: "What does that mean for Germany, exactly?",
      baseVersion: await versionOf(other),
    });
    const [first] = await publicationsOf(transcript.id);

    const at = hoursIn(1);
    const result = await recordCorrection(
      editor,
      transcript.id,
      { segmentId, text: `  ${CORRECTED}\n`, reason: `  ${REASON} ` },
      at,
    );
    expect(result).toEqual({
      id: expect.any(String),
      segmentId,
      before: FIRST,
      after: CORRECTED,
      reason: REASON,
      at: at.toISOString(),
      publicationNumber: 2,
      replacedUnpublishedEdit: false,
    });
    expect(await correctionRows(transcript.id)).toEqual([
      { segmentId, before: FIRST, after: CORRECTED, reason: REASON, publicationNumber: 2, actorId: editor.id, at },
    ]);

    const rows = await publicationsOf(transcript.id);
    expect(rows.map((row) => [row.number, row.kind, row.publishedAt, row.actorId])).toEqual([
      [1, "publish", hoursIn(0), editor.id],
      [2, "correction", at, editor.id],
    ]);
    const before = first!.snapshot;
    const shift = CORRECTED.length - FIRST.length;
    const quoteStart = CORRECTED.indexOf("spend 1.5 percent of GDP");
    expect(rows[1]!.snapshot).toEqual({
      ...before,
      wordCount: before.wordCount + 1,
      segments: before.segments.map((segment) =>
        segment.id === segmentId ? { ...segment, text: CORRECTED } : segment,
      ),
      annotations: [
        {
          ...before.annotations[0],
          id: quote.id,
          start: quoteStart,
          end: quoteStart + "spend 1.5 percent of GDP".length,
          exact: "spend 1.5 percent of GDP",
          publishedExact: "spend 2 percent of GDP",
          anchored: true,
        },
        {
          ...before.annotations[1],
          id: context.id,
          start: context.start + shift,
          end: context.end + shift,
          exact: "on defence",
          publishedExact: "on defence",
          anchored: true,
        },
      ],
    });
    expect(rows[1]!.snapshot.segments[1]?.text).toBe(SECOND);

    // The working copy takes the corrected words, as a revision of its own; the private edit elsewhere stays.
    expect(await segmentText(segmentId)).toBe(CORRECTED);
    expect(await segmentText(other)).toBe("What does that mean for Germany, exactly?");
    const revision = await db.revision.findFirstOrThrow({
      where: { transcriptId: transcript.id },
      orderBy: { number: "desc" },
      select: { action: true, summary: true, actorId: true },
    });
    expect(revision).toEqual({
      action: "segment.correction",
      summary: `Public correction: ${REASON}`,
      actorId: editor.id,
    });

    // Its annotations re-anchor in the working copy too.
    const working = await db.annotation.findMany({
      where: { id: { in: [quote.id, context.id] } },
      select: { id: true, status: true, start: true, end: true, exact: true },
    });
    expect(working).toEqual(
      expect.arrayContaining([
        {
          id: context.id,
          status: "ANCHORED",
          start: context.start + shift,
          end: context.end + shift,
          exact: "on defence",
        },
        {
          id: quote.id,
          status: "ANCHORED",
          start: quoteStart,
          end: quoteStart + "spend 1.5 percent of GDP".length,
          exact: "spend 1.5 percent of GDP",
        },
      ]),
    );

    expect((await workflowEvents(transcript.id)).at(-1)).toEqual({
      action: "corrected",
      from: "PUBLISHED",
      to: "PUBLISHED",
      note: REASON,
      overrides: "[]",
      actorId: editor.id,
    });
    expect((await auditEvents(transcript.id)).at(-1)).toEqual({
      action: "transcript.corrected",
      actorId: editor.id,
      details: { correctionId: result.id, segmentId, reason: REASON },
    });
  });

  it("shows the correction on the public page and marks the changed quote with its first published words", async () => {
    const { editor, transcript, segmentId, quote, context } = await published();
    const at = hoursIn(1);
    const correction = await recordCorrection(
      editor,
      transcript.id,
      { segmentId, text: CORRECTED, reason: REASON },
      at,
    );

    const page = await loadPublicTranscript(transcript.slug);
    expect(page).toMatchObject({
      publishedAt: hoursIn(0).toISOString(),
      updatedAt: at.toISOString(),
      corrections: [
        { id: correction.id, segmentId, before: FIRST, after: CORRECTED, reason: REASON, at: at.toISOString() },
      ],
    });
    expect(page?.segments[0]?.text).toBe(CORRECTED);

    expect(await loadPublicQuote(quote.id)).toMatchObject({
      id: quote.id,
      text: "spend 1.5 percent of GDP",
      paragraphNumber: 1,
      changedByCorrection: { originalText: "spend 2 percent of GDP", at: at.toISOString(), reason: REASON },
      body: "The headline pledge.",
    });
    // A context note is not a quote.
    expect(await loadPublicQuote(context.id)).toBeNull();
  });

  it("keeps a quote whose words were corrected away beside its paragraph, quoting what was first published", async () => {
    const { editor, transcript, segmentId, quote } = await published();
    const text = "Good afternoon. Defence ministers agreed on defence.";
    await recordCorrection(editor, transcript.id, { segmentId, text, reason: "Misheard." }, hoursIn(1));
    const [, correction] = await publicationsOf(transcript.id);
    expect(correction?.snapshot.annotations.find((annotation) => annotation.id === quote.id)).toMatchObject({
      anchored: false,
      publishedExact: "spend 2 percent of GDP",
    });
    expect(await loadPublicQuote(quote.id)).toMatchObject({
      text: "spend 2 percent of GDP",
      changedByCorrection: { originalText: "spend 2 percent of GDP", reason: "Misheard." },
    });
  });

  it("overwrites a private edit to the corrected paragraph and says so", async () => {
    const { reporter, editor, transcript, segmentId } = await published();
    await editSegment(reporter, transcript.id, segmentId, {
      text: "Good afternoon. Ministers agreed to spend 2 percent of GDP on defence, roughly.",
      baseVersion: await versionOf(segmentId),
    });
    const result = await recordCorrection(
      editor,
      transcript.id,
      { segmentId, text: CORRECTED, reason: REASON },
      hoursIn(1),
    );
    expect(result.replacedUnpublishedEdit).toBe(true);
    expect(result.before).toBe(FIRST);
    expect(await segmentText(segmentId)).toBe(CORRECTED);
  });

  it("writes no revision when the working copy already says the corrected words", async () => {
    const { reporter, editor, transcript, segmentId } = await published();
    await editSegment(reporter, transcript.id, segmentId, { text: CORRECTED, baseVersion: await versionOf(segmentId) });
    const revisions = await db.revision.count({ where: { transcriptId: transcript.id } });
    const result = await recordCorrection(
      editor,
      transcript.id,
      { segmentId, text: CORRECTED, reason: REASON },
      hoursIn(1),
    );
    expect(result.replacedUnpublishedEdit).toBe(false);
    expect(await db.revision.count({ where: { transcriptId: transcript.id } })).toBe(revisions);
    expect((await loadPublicTranscript(transcript.slug))?.segments[0]?.text).toBe(CORRECTED);
  });

  it("publishes a correction of a paragraph deleted from the working copy since", async () => {
    const { reporter, editor, transcript, segmentId } = await published();
    await deleteSegment(reporter, transcript.id, segmentId, await versionOf(segmentId));
    const result = await recordCorrection(
      editor,
      transcript.id,
      { segmentId, text: CORRECTED, reason: REASON },
      hoursIn(1),
    );
    expect(result.replacedUnpublishedEdit).toBe(false);
    expect(await segmentText(segmentId)).toBe(FIRST);
    expect((await loadPublicTranscript(transcript.slug))?.segments[0]?.text).toBe(CORRECTED);
  });

  it("chains corrections: each starts from the last published text, and a republication keeps the quote's first words", async () => {
    const { editor, transcript, segmentId, quote } = await published();
    await recordCorrection(editor, transcript.id, { segmentId, text: CORRECTED, reason: REASON }, hoursIn(1));
    const again = CORRECTED.replace("1.5 percent", "1.52 percent");
    const second = await recordCorrection(
      editor,
      transcript.id,
      { segmentId, text: again, reason: "Two decimals." },
      hoursIn(2),
    );
    expect(second).toMatchObject({ before: CORRECTED, after: again, publicationNumber: 3 });

    await publishAt(editor, transcript.id, hoursIn(3));
    const rows = await publicationsOf(transcript.id);
    expect(rows.map((row) => row.kind)).toEqual(["publish", "correction", "correction", "republish"]);
    expect(rows[3]!.snapshot.annotations.find((annotation) => annotation.id === quote.id)).toMatchObject({
      exact: "spend 1.52 percent of GDP",
      publishedExact: "spend 2 percent of GDP",
    });
    const page = await loadPublicTranscript(transcript.slug);
    expect(page?.corrections.map((correction) => correction.reason)).toEqual([REASON, "Two decimals."]);
    expect(page?.updatedAt).toBe(hoursIn(3).toISOString());
    expect(await loadPublicQuote(quote.id)).toMatchObject({
      text: "spend 1.52 percent of GDP",
      changedByCorrection: { originalText: "spend 2 percent of GDP", reason: "Two decimals." },
    });
  });
});

describe("refusing a correction", () => {
  async function expectNothingWritten(transcriptId: string, segmentId: string, publications: number) {
    expect(await db.correction.count({ where: { transcriptId } })).toBe(0);
    expect(await db.publication.count({ where: { transcriptId } })).toBe(publications);
    expect(await segmentText(segmentId)).toBe(FIRST);
    expect((await workflowEvents(transcriptId)).some((event) => event.action === "corrected")).toBe(false);
  }

  it("forbids a reporter, even the owner", async () => {
    const { reporter, transcript, segmentId } = await published();
    const error = await expectAppError(
      recordCorrection(reporter, transcript.id, { segmentId, text: CORRECTED, reason: REASON }),
      "FORBIDDEN",
    );
    expect(error.message).toBe("Only editors and admins can record a public correction.");
    await expectNothingWritten(transcript.id, segmentId, 1);
  });

  it("answers a stranger and a deactivated editor NOT_FOUND", async () => {
    const { stranger, editor, transcript, segmentId } = await published();
    for (const actor of [stranger, { ...editor, active: false }]) {
      await expectAppError(
        recordCorrection(actor, transcript.id, { segmentId, text: CORRECTED, reason: REASON }),
        "NOT_FOUND",
      );
    }
    await expectNothingWritten(transcript.id, segmentId, 1);
  });

  it("refuses a transcript that is not published: draft, scheduled, unpublished", async () => {
    const { reporter, editor } = await newsroom();
    const draft = await readyTranscript(reporter, editor);
    const scheduled = await readyTranscript(reporter, editor);
    await publishAt(editor, scheduled.id, hoursIn(0), { publishAt: hoursIn(45).toISOString() });
    const unpublished = await readyTranscript(reporter, editor);
    await publishAt(editor, unpublished.id, hoursIn(0));
    await transitionTranscript(editor, unpublished.id, { to: "UNPUBLISHED" });
    for (const [transcript, publications] of [
      [draft, 0],
      [scheduled, 1],
      [unpublished, 1],
    ] as const) {
      const segmentId = transcript.segmentIds[0]!;
      const error = await expectAppError(
        recordCorrection(editor, transcript.id, { segmentId, text: CORRECTED, reason: REASON }),
        "CONFLICT",
      );
      expect(error.message).toBe(
        "Only a published transcript takes public corrections: edit the working copy instead.",
      );
      await expectNothingWritten(transcript.id, segmentId, publications);
    }
  });

  it.each([
    ["an unknown paragraph", { segmentId: "no-such-paragraph" }, { segmentId: "Choose a paragraph readers can see." }],
    ["a blank text", { text: "  \n " }, { text: "Required." }],
    ["a blank reason", { reason: "   " }, { reason: "Required." }],
    ["the published text unchanged", { text: ` ${FIRST} ` }, { text: "Change the words you are correcting." }],
  ])("refuses %s as BAD_REQUEST", async (_, input, fieldErrors) => {
    const { editor, transcript, segmentId } = await published();
    const error = await expectAppError(
      recordCorrection(editor, transcript.id, { segmentId, text: CORRECTED, reason: REASON, ...input }),
      "BAD_REQUEST",
    );
    expect(error.fieldErrors).toEqual(fieldErrors);
    await expectNothingWritten(transcript.id, segmentId, 1);
  });

  it("refuses a paragraph readers cannot see: deleted before publication", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const gone = transcript.segmentIds[1]!;
    await deleteSegment(reporter, transcript.id, gone, await versionOf(gone));
    await publishAt(editor, transcript.id, hoursIn(0));
    await expectAppError(
      recordCorrection(editor, transcript.id, { segmentId: gone, text: "Anything.", reason: REASON }),
      "BAD_REQUEST",
    );
    expect(await db.correction.count({ where: { transcriptId: transcript.id } })).toBe(0);
  });
});

describe("the corrections list", () => {
  it("lists corrections newest first across published transcripts, and drops an unpublished transcript's", async () => {
    const { reporter, editor } = await newsroom();
    const admin = await staff("Ada Admin", "ADMIN");
    const a = await readyTranscript(reporter, editor, READY_PARAGRAPHS, { title: "Transcript A" });
    const b = await readyTranscript(reporter, editor, READY_PARAGRAPHS, { title: "Transcript B" });
    await publishAt(editor, a.id, hoursIn(40));
    await publishAt(editor, b.id, hoursIn(40));
    const first = await recordCorrection(
      editor,
      a.id,
      { segmentId: a.segmentIds[0]!, text: CORRECTED, reason: "A, first." },
      hoursIn(41),
    );
    const onB = await recordCorrection(
      admin,
      b.id,
      { segmentId: b.segmentIds[1]!, text: "What does that mean for Berlin?", reason: "B." },
      hoursIn(42),
    );
    const latest = await recordCorrection(
      editor,
      a.id,
      { segmentId: a.segmentIds[2]!, text: "Germany has committed to the pledge made in Wales.", reason: "A, again." },
      hoursIn(43),
    );

    const ours = (items: { id: string }[]) => items.filter((item) => [first.id, onB.id, latest.id].includes(item.id));
    const listed = await loadPublicCorrections(1);
    expect(ours(listed.items)).toEqual([
      {
        id: latest.id,
        segmentId: a.segmentIds[2],
        before: READY_PARAGRAPHS[2]!.text,
        after: "Germany has committed to the pledge made in Wales.",
        reason: "A, again.",
        at: hoursIn(43).toISOString(),
        transcript: { title: "Transcript A", path: `/t/${a.slug}` },
      },
      {
        id: onB.id,
        segmentId: b.segmentIds[1],
        before: SECOND,
        after: "What does that mean for Berlin?",
        reason: "B.",
        at: hoursIn(42).toISOString(),
        transcript: { title: "Transcript B", path: `/t/${b.slug}` },
      },
      {
        id: first.id,
        segmentId: a.segmentIds[0],
        before: FIRST,
        after: CORRECTED,
        reason: "A, first.",
        at: hoursIn(41).toISOString(),
        transcript: { title: "Transcript A", path: `/t/${a.slug}` },
      },
    ]);

    await transitionTranscript(editor, b.id, { to: "UNPUBLISHED" });
    const after = await loadPublicCorrections(1);
    expect(ours(after.items).map((item) => item.id)).toEqual([latest.id, first.id]);
    expect(after.total).toBe(listed.total - 1);
  });
});
