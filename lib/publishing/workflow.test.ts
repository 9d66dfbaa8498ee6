import { describe, expect, it, vi } from "vitest";
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/editor/annotations";
import { updateMetadata } from "@/lib/editor/metadata";
import { deleteSegment, editSegment } from "@/lib/editor/segments";
import { expectAppError, makeTranscript, rangeOf, versionOf } from "@/lib/editor/test-support";
import { slugTag } from "@/lib/publishing/cache-tags";
import { evaluateChecks, type CheckFailure } from "@/lib/publishing/checks";
import {
  loadPublicChanges,
  loadPublicQuote,
  loadPublicTranscript,
  loadPublicTranscripts,
} from "@/lib/publishing/public-queries";
import {
  HOUR,
  READY_PARAGRAPHS,
  auditEvents,
  hoursIn,
  newsroom,
  publicationsOf,
  publishAt,
  readyTranscript,
  staff,
  statusOf,
  workflowEvents,
} from "@/lib/publishing/test-support";
import { loadCheckInput, publishDueTranscripts, transitionTranscript } from "@/lib/publishing/workflow";
import { absoluteUrl } from "@/lib/site";

vi.mock("@/lib/audit", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/audit")>();
  return { ...actual, recordAuditEvent: vi.fn(actual.recordAuditEvent) };
});

const FIRST = READY_PARAGRAPHS[0]!.text;

/** Nothing was written for a transition that was refused. */
async function expectUntouched(transcriptId: string, status: string) {
  expect((await statusOf(transcriptId)).status).toBe(status);
  expect(await db.publication.count({ where: { transcriptId } })).toBe(0);
  expect(await db.workflowEvent.count({ where: { transcriptId } })).toBe(0);
  expect(await auditEvents(transcriptId)).toEqual([]);
}

describe("submitting for review", () => {
  it("moves the reporter's draft to In review, recording the note as a workflow event and in the audit log", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const result = await transitionTranscript(reporter, transcript.id, {
      to: "IN_REVIEW",
      note: "  Ready for a look.  ",
    });
    expect(result).toEqual({ status: "IN_REVIEW", publishedAt: null, url: null });
    expect((await statusOf(transcript.id)).status).toBe("IN_REVIEW");
    expect(await workflowEvents(transcript.id)).toEqual([
      {
        action: "submitted",
        from: "DRAFT",
        to: "IN_REVIEW",
        note: "Ready for a look.",
        overrides: "[]",
        actorId: reporter.id,
      },
    ]);
    expect(await auditEvents(transcript.id)).toEqual([
      {
        action: "transcript.submitted",
        actorId: reporter.id,
        details: { from: "DRAFT", to: "IN_REVIEW", note: "Ready for a look." },
      },
    ]);
  });

  it("lets a colleague it is shared with submit it, but answers a stranger as if it did not exist", async () => {
    const { reporter, stranger, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await expectAppError(transitionTranscript(stranger, transcript.id, { to: "IN_REVIEW" }), "NOT_FOUND");
    await expectUntouched(transcript.id, "DRAFT");

    await db.transcriptShare.create({ data: { transcriptId: transcript.id, userId: stranger.id } });
    await transitionTranscript(stranger, transcript.id, { to: "IN_REVIEW" });
    expect(await workflowEvents(transcript.id)).toMatchObject([
      { action: "submitted", note: null, actorId: stranger.id },
    ]);
  });

  it("refuses a deactivated owner as if the transcript did not exist", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await expectAppError(
      transitionTranscript({ ...reporter, active: false }, transcript.id, { to: "IN_REVIEW" }),
      "NOT_FOUND",
    );
    await expectUntouched(transcript.id, "DRAFT");
  });
});

describe("returning and withdrawing", () => {
  it("requires a note when an editor returns someone else's transcript, and records it as returned", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await transitionTranscript(reporter, transcript.id, { to: "IN_REVIEW" });

    for (const note of [undefined, null, "   "]) {
      const error = await expectAppError(
        transitionTranscript(editor, transcript.id, { to: "DRAFT", note }),
        "BAD_REQUEST",
      );
      expect(error.fieldErrors).toEqual({ note: "Write a comment for the reporter." });
    }
    expect((await statusOf(transcript.id)).status).toBe("IN_REVIEW");
    expect(await db.workflowEvent.count({ where: { transcriptId: transcript.id } })).toBe(1);

    const result = await transitionTranscript(editor, transcript.id, { to: "DRAFT", note: "Name the questioners." });
    expect(result.status).toBe("DRAFT");
    expect((await workflowEvents(transcript.id)).at(-1)).toEqual({
      action: "returned",
      from: "IN_REVIEW",
      to: "DRAFT",
      note: "Name the questioners.",
      overrides: "[]",
      actorId: editor.id,
    });
    expect((await auditEvents(transcript.id)).at(-1)).toMatchObject({
      action: "transcript.returned",
      details: { from: "IN_REVIEW", to: "DRAFT", note: "Name the questioners." },
    });
  });

  it("lets the reporter withdraw their own submission without a note", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await transitionTranscript(reporter, transcript.id, { to: "IN_REVIEW" });
    const result = await transitionTranscript(reporter, transcript.id, { to: "DRAFT" });
    expect(result.status).toBe("DRAFT");
    expect((await workflowEvents(transcript.id)).map((event) => [event.action, event.from, event.to])).toEqual([
      ["submitted", "DRAFT", "IN_REVIEW"],
      ["withdrawn", "IN_REVIEW", "DRAFT"],
    ]);
  });

  it("treats an editor taking back their own submission as a withdrawal, needing no note", async () => {
    const { editor } = await newsroom();
    const transcript = await readyTranscript(editor, editor);
    await transitionTranscript(editor, transcript.id, { to: "IN_REVIEW" });
    await transitionTranscript(editor, transcript.id, { to: "DRAFT" });
    expect((await workflowEvents(transcript.id)).at(-1)?.action).toBe("withdrawn");
  });
});

describe("who may publish", () => {
  it("forbids a reporter to publish, even their own transcript, and writes nothing", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const error = await expectAppError(publishAt(reporter, transcript.id, hoursIn(0)), "FORBIDDEN");
    expect(error.message).toBe("Only editors and admins can publish, schedule or unpublish.");
    await expectUntouched(transcript.id, "DRAFT");
  });

  it("forbids a reporter to unpublish or cancel a schedule", async () => {
    const { reporter, editor } = await newsroom();
    const published = await readyTranscript(reporter, editor);
    await publishAt(editor, published.id, hoursIn(0));
    await expectAppError(transitionTranscript(reporter, published.id, { to: "UNPUBLISHED" }), "FORBIDDEN");
    expect((await statusOf(published.id)).status).toBe("PUBLISHED");

    const scheduled = await readyTranscript(reporter, editor);
    await publishAt(editor, scheduled.id, hoursIn(0), { publishAt: hoursIn(40).toISOString() });
    await expectAppError(transitionTranscript(reporter, scheduled.id, { to: "DRAFT" }, hoursIn(1)), "FORBIDDEN");
    expect((await statusOf(scheduled.id)).status).toBe("SCHEDULED");
  });

  it("lets an admin publish", async () => {
    const { reporter, editor } = await newsroom();
    const admin = await staff("Ada Admin", "ADMIN");
    const transcript = await readyTranscript(reporter, editor);
    expect((await publishAt(admin, transcript.id, hoursIn(0))).status).toBe("PUBLISHED");
  });
});

describe("deciding on a version", () => {
  it("lets one of two transitions sent on the same version through and refuses the other, naming who came first", async () => {
    const { reporter, editor } = await newsroom();
    const other = await staff("Petra Publisher", "EDITOR");
    const transcript = await readyTranscript(reporter, editor);
    const { version } = await db.transcript.findUniqueOrThrow({
      where: { id: transcript.id },
      select: { version: true },
    });
    // Both editors opened Review & publish at this version; the first to send publishes it.
    expect((await publishAt(editor, transcript.id, hoursIn(0), { baseVersion: version })).status).toBe("PUBLISHED");
    const refused = await expectAppError(
      publishAt(other, transcript.id, hoursIn(0), { baseVersion: version }),
      "CONFLICT",
    );
    expect(refused.message).toMatch(/^Eddie Editor changed this transcript after you opened it; it is now published\./);
    expect(refused.extra).toMatchObject({
      current: { status: "PUBLISHED", version: version + 1, by: "Eddie Editor", at: expect.any(String) },
    });
    // Published once: one publication, one workflow event.
    expect(await publicationsOf(transcript.id)).toHaveLength(1);
    expect((await workflowEvents(transcript.id)).map((event) => event.action)).toEqual(["published"]);
    // On the version it now has, the second editor may act (here: unpublish).
    const unpublished = await transitionTranscript(other, transcript.id, {
      to: "UNPUBLISHED",
      note: "Legal asked.",
      baseVersion: version + 1,
    });
    expect(unpublished.status).toBe("UNPUBLISHED");
  });

  it("counts a change to the transcript's details as a new version too; without baseVersion nothing is compared", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const { version: before } = await db.transcript.findUniqueOrThrow({
      where: { id: transcript.id },
      select: { version: true },
    });
    await updateMetadata(reporter, transcript.id, { baseVersion: before, place: "Brussels" });
    await expectAppError(publishAt(editor, transcript.id, hoursIn(0), { baseVersion: before }), "CONFLICT");
    expect((await statusOf(transcript.id)).status).toBe("DRAFT");
    expect((await publishAt(editor, transcript.id, hoursIn(0))).status).toBe("PUBLISHED");
  });
});

describe("pre-publish checks", () => {
  it("refuses blocking failures (an annotation needing review, no title) even with overrides, writing nothing", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const segmentId = transcript.segmentIds[0]!;
    await createAnnotation(reporter, transcript.id, {
      segmentId,
      ...rangeOf(FIRST, "2 percent of GDP"),
      kind: "context",
      body: "The Wales pledge of 2014.",
    });
    await editSegment(reporter, transcript.id, segmentId, {
      text: "Good afternoon. Defence ministers agreed to spend more on defence.",
      baseVersion: await versionOf(segmentId),
    });
    expect(await db.annotation.findFirst({ where: { segmentId }, select: { status: true } })).toEqual({
      status: "NEEDS_REVIEW",
    });
    await db.transcript.update({ where: { id: transcript.id }, data: { title: "  " } });

    const error = await expectAppError(
      publishAt(editor, transcript.id, hoursIn(0), {
        overrides: [
          { check: "title", reason: "We will add one." },
          { check: "annotations_need_review", reason: "Not important." },
        ],
      }),
      "CHECKS_FAILED",
    );
    expect(error.message).toBe("Fix what the pre-publish checks found before publishing.");
    expect(error.extra.checks).toEqual([
      {
        check: "title",
        blocking: true,
        message: "Give the transcript a title: readers and search engines see it first.",
      },
      {
        check: "annotations_need_review",
        blocking: true,
        message: "1 annotation lost its words in an edit and needs review: re-attach or delete it in the editor.",
      },
    ]);
    await expectUntouched(transcript.id, "DRAFT");
    expect((await statusOf(transcript.id)).publicSlug).toBeNull();
  });

  it("counts annotations on a deleted paragraph as needing review", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const segmentId = transcript.segmentIds[2]!;
    await createAnnotation(reporter, transcript.id, {
      segmentId,
      ...rangeOf(READY_PARAGRAPHS[2]!.text, "Wales"),
      kind: "quote",
      body: "",
    });
    await deleteSegment(reporter, transcript.id, segmentId, await versionOf(segmentId));
    expect((await loadCheckInput(db, transcript.id)).annotationsNeedingReview).toBe(1);
    const error = await expectAppError(publishAt(editor, transcript.id, hoursIn(0)), "CHECKS_FAILED");
    expect((error.extra.checks as CheckFailure[]).map((check) => check.check)).toEqual(["annotations_need_review"]);
  });

  it("reads the working copy: live paragraphs in order, the speakers who speak in them, open notes", async () => {
    const { reporter } = await newsroom();
    const transcript = await makeTranscript(
      reporter,
      [
        { text: "Welcome [inaudible].", speaker: "Speaker 1" },
        { text: "Deleted.", speaker: "Audience member" },
        { text: "Thank you.", speaker: "Jens Stoltenberg" },
      ],
      { speakers: ["Speaker 1", "Audience member", "Jens Stoltenberg", "Never Speaks"], title: "Briefing" },
    );
    const deleted = transcript.segmentIds[1]!;
    await deleteSegment(reporter, transcript.id, deleted, await versionOf(deleted));
    await createAnnotation(reporter, transcript.id, {
      segmentId: transcript.segmentIds[2]!,
      start: 0,
      end: 5,
      kind: "note",
      body: "Check this.",
    });
    expect(await loadCheckInput(db, transcript.id)).toEqual({
      title: "Briefing",
      occurredAt: null,
      fidelityConfirmed: false,
      annotationsNeedingReview: 0,
      unresolvedNotes: 1,
      speakers: [{ name: "Speaker 1" }, { name: "Jens Stoltenberg" }],
      paragraphs: [
        { text: "Welcome [inaudible].", speaker: { name: "Speaker 1" } },
        { text: "Thank you.", speaker: { name: "Jens Stoltenberg" } },
      ],
    });
  });

  it("refuses warnings without an override, or with a blank reason, naming each unresolved one", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await makeTranscript(reporter, [{ text: "We agreed [inaudible].", speaker: "Speaker 1" }], {
      speakers: ["Speaker 1"],
      title: "Briefing",
    });
    const failures = evaluateChecks(await loadCheckInput(db, transcript.id));
    expect(failures.map((failure) => failure.check)).toEqual([
      "unnamed_speakers",
      "leftover_markers",
      "missing_date",
      "unconfirmed_fidelity",
    ]);

    const none = await expectAppError(publishAt(editor, transcript.id, hoursIn(0)), "CHECKS_FAILED");
    expect(none.message).toBe("Publish over the pre-publish warnings only with a reason for each.");
    expect(none.extra.checks).toEqual(failures);

    const blank = await expectAppError(
      publishAt(editor, transcript.id, hoursIn(0), {
        overrides: [
          { check: "unnamed_speakers", reason: "Anonymous by agreement." },
          { check: "leftover_markers", reason: "The tape is inaudible there." },
          { check: "missing_date", reason: "  " },
          { check: "unconfirmed_fidelity", reason: "Checked it myself." },
        ],
      }),
      "CHECKS_FAILED",
    );
    expect((blank.extra.checks as CheckFailure[]).map((check) => check.check)).toEqual(["missing_date"]);
    await expectUntouched(transcript.id, "DRAFT");
  });
});

describe("publishing", () => {
  it("publishes over warnings with reasons: a public address, Publication #1 without notes or deleted paragraphs, audited overrides", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await makeTranscript(
      reporter,
      [
        { text: "Welcome to the briefing on the 2 percent pledge.", speaker: "Speaker 1" },
        { text: "A paragraph cut from the record.", speaker: "Audience member" },
        { text: "Germany committed to the pledge in Wales.", speaker: "Jens Stoltenberg" },
      ],
      { speakers: ["Speaker 1", "Audience member", "Jens Stoltenberg"], title: "Defence ministers" },
    );
    const [first, cut, last] = transcript.segmentIds as [string, string, string];
    const { annotation: note } = await createAnnotation(reporter, transcript.id, {
      segmentId: first,
      start: 0,
      end: 7,
      kind: "note",
      body: "Who is speaker 1?",
    });
    const { annotation: context } = await createAnnotation(editor, transcript.id, {
      segmentId: last,
      ...rangeOf("Germany committed to the pledge in Wales.", "Wales"),
      kind: "context",
      body: "The 2014 summit in Newport.",
      sources: [{ url: "https://www.nato.int/wales", title: "Wales Summit" }],
    });
    const { annotation: check } = await createAnnotation(editor, transcript.id, {
      segmentId: first,
      ...rangeOf("Welcome to the briefing on the 2 percent pledge.", "2 percent"),
      kind: "factcheck",
      verdict: "accurate",
      claim: "Allies pledged 2 percent.",
      checker: "Fact desk",
      body: "Agreed in 2014.",
    });
    await deleteSegment(reporter, transcript.id, cut, await versionOf(cut));

    const overrides = [
      { check: "unresolved_notes", reason: "Internal question only." },
      { check: "unnamed_speakers", reason: "The moderator did not give a name." },
      { check: "missing_date", reason: "Date not released." },
      { check: "unconfirmed_fidelity", reason: "Clean read, checked against the tape." },
      // Not failing: not recorded as overridden.
      { check: "leftover_markers", reason: "None." },
    ];
    const at = hoursIn(0);
    const result = await publishAt(editor, transcript.id, at, { overrides, note: "Go." });
    expect(result).toEqual({
      status: "PUBLISHED",
      publishedAt: at.toISOString(),
      url: absoluteUrl(`/t/${transcript.slug}`),
    });
    expect(await statusOf(transcript.id)).toEqual({
      status: "PUBLISHED",
      publicSlug: transcript.slug,
      firstPublishedAt: at,
      publishAt: null,
      slug: transcript.slug,
    });

    const [publication, ...more] = await publicationsOf(transcript.id);
    expect(more).toEqual([]);
    expect(publication).toMatchObject({
      number: 1,
      kind: "publish",
      publishedAt: at,
      withdrawnAt: null,
      actorId: editor.id,
    });
    const snapshot = publication!.snapshot;
    expect(snapshot.segments.map((segment) => segment.id)).toEqual([first, last]);
    expect(snapshot.speakers.map((speaker) => speaker.name)).toEqual(["Speaker 1", "Jens Stoltenberg"]);
    expect(snapshot.annotations.map((annotation) => annotation.id)).toEqual([check.id, context.id]);
    expect(snapshot.annotations.some((annotation) => annotation.id === note.id)).toBe(false);
    expect(snapshot.annotations[1]).toEqual({
      id: context.id,
      kind: "CONTEXT",
      segmentId: last,
      start: 35,
      end: 40,
      exact: "Wales",
      publishedExact: "Wales",
      anchored: true,
      body: "The 2014 summit in Newport.",
      verdict: null,
      claim: null,
      sources: [{ url: "https://www.nato.int/wales", title: "Wales Summit" }],
      checker: null,
    });
    expect(snapshot).toMatchObject({
      schema: 1,
      slug: transcript.slug,
      title: "Defence ministers",
      occurredAt: null,
      fidelityCheckedBy: null,
      wordCount: 9 + 7,
    });

    const usedOverrides = overrides.slice(0, 4);
    expect(await workflowEvents(transcript.id)).toEqual([
      {
        action: "published",
        from: "DRAFT",
        to: "PUBLISHED",
        note: "Go.",
        overrides: JSON.stringify(usedOverrides),
        actorId: editor.id,
      },
    ]);
    expect(await auditEvents(transcript.id)).toEqual([
      {
        action: "transcript.published",
        actorId: editor.id,
        details: { from: "DRAFT", to: "PUBLISHED", note: "Go." },
      },
      { action: "transcript.checks_overridden", actorId: editor.id, details: { overrides: usedOverrides } },
    ]);

    const page = await loadPublicTranscript(transcript.slug);
    expect(page).toMatchObject({
      id: transcript.id,
      path: `/t/${transcript.slug}`,
      publishedAt: at.toISOString(),
      updatedAt: null,
      corrections: [],
      title: "Defence ministers",
    });
    expect(page?.annotations.map((annotation) => annotation.kind)).toEqual(["FACTCHECK", "CONTEXT"]);
  });

  it("records no override audit event when nothing was overridden, and names the fidelity checker", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await publishAt(editor, transcript.id, hoursIn(0), { overrides: [{ check: "missing_date", reason: "n/a" }] });
    expect((await auditEvents(transcript.id)).map((event) => event.action)).toEqual(["transcript.published"]);
    expect((await workflowEvents(transcript.id))[0]?.overrides).toBe("[]");
    const page = await loadPublicTranscript(transcript.slug);
    expect(page).toMatchObject({
      fidelityCheckedBy: "Eddie Editor",
      occurredAt: "2019-02-14T00:00:00.000Z",
      place: "Brussels",
    });
    expect(page?.speakers.map((speaker) => speaker.name)).toEqual(["Jens Stoltenberg", "Questioner Ana"]);
    expect((await loadPublicTranscripts(1)).items.map((item) => item.id)).toContain(transcript.id);
  });

  it("keeps working-copy edits private until an editor republishes, then updates the page but not its first date", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const segmentId = transcript.segmentIds[0]!;
    await publishAt(editor, transcript.id, hoursIn(0));

    await editSegment(reporter, transcript.id, segmentId, {
      text: "Good afternoon. Ministers agreed to spend 2 percent of GDP on defence by 2024.",
      baseVersion: await versionOf(segmentId),
    });
    const { version } = await db.transcript.findUniqueOrThrow({
      where: { id: transcript.id },
      select: { version: true },
    });
    await updateMetadata(reporter, transcript.id, {
      baseVersion: version,
      title: "Defence ministers agree on spending",
      slug: "defence-ministers-spending",
    });

    const before = await loadPublicTranscript(transcript.slug);
    expect(before?.title).toBe("NATO defence ministers press conference");
    expect(before?.segments[0]?.text).toBe(FIRST);
    expect(await loadPublicTranscript("defence-ministers-spending")).toBeNull();
    expect((await statusOf(transcript.id)).publicSlug).toBe(transcript.slug);

    const result = await publishAt(editor, transcript.id, hoursIn(1));
    expect(result).toEqual({
      status: "PUBLISHED",
      publishedAt: hoursIn(0).toISOString(),
      url: absoluteUrl("/t/defence-ministers-spending"),
    });
    expect(await loadPublicTranscript(transcript.slug)).toBeNull();
    const after = await loadPublicTranscript("defence-ministers-spending");
    expect(after).toMatchObject({
      title: "Defence ministers agree on spending",
      slug: "defence-ministers-spending",
      path: "/t/defence-ministers-spending",
      publishedAt: hoursIn(0).toISOString(),
      updatedAt: hoursIn(1).toISOString(),
    });
    expect(after?.segments[0]?.text).toBe(
      "Good afternoon. Ministers agreed to spend 2 percent of GDP on defence by 2024.",
    );
    expect((await publicationsOf(transcript.id)).map((row) => [row.number, row.kind])).toEqual([
      [1, "publish"],
      [2, "republish"],
    ]);
    expect(await statusOf(transcript.id)).toMatchObject({
      firstPublishedAt: hoursIn(0),
      publicSlug: "defence-ministers-spending",
    });
    expect((await workflowEvents(transcript.id)).map((event) => [event.action, event.from, event.to])).toEqual([
      ["published", "DRAFT", "PUBLISHED"],
      ["republished", "PUBLISHED", "PUBLISHED"],
    ]);
  });

  it("refuses an address another transcript holds publicly, writing nothing", async () => {
    const { reporter, editor } = await newsroom();
    const holder = await readyTranscript(reporter, editor, READY_PARAGRAPHS, { title: "The holder" });
    await publishAt(editor, holder.id, hoursIn(0));
    // The holder renames its working copy; its public address stays until it is republished.
    const { version } = await db.transcript.findUniqueOrThrow({ where: { id: holder.id }, select: { version: true } });
    await updateMetadata(editor, holder.id, { baseVersion: version, slug: "holder-renamed" });

    const other = await readyTranscript(reporter, editor);
    const { version: otherVersion } = await db.transcript.findUniqueOrThrow({
      where: { id: other.id },
      select: { version: true },
    });
    // Details refuses the address at once…
    const refused = await expectAppError(
      updateMetadata(editor, other.id, { baseVersion: otherVersion, slug: holder.slug }),
      "BAD_REQUEST",
    );
    expect(refused.fieldErrors).toEqual({ slug: "Already used by another transcript." });
    // …and publishing refuses it too, however the working copy came to have it.
    await db.transcript.update({ where: { id: other.id }, data: { slug: holder.slug } });

    const error = await expectAppError(publishAt(editor, other.id, hoursIn(1)), "CONFLICT");
    expect(error.message).toBe(
      `The address /t/${holder.slug} is kept for “The holder”, which is or was published there. Change the slug.`,
    );
    await expectUntouched(other.id, "DRAFT");
    expect((await loadPublicTranscript(holder.slug))?.id).toBe(holder.id);
  });

  it("leaves nothing half-written when a write fails late in the transaction", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    vi.mocked(recordAuditEvent).mockRejectedValueOnce(new Error("disk I/O error"));
    await expect(
      publishAt(editor, transcript.id, hoursIn(0), { overrides: [{ check: "missing_date", reason: "x" }] }),
    ).rejects.toThrow("disk I/O error");
    await expectUntouched(transcript.id, "DRAFT");
    expect(await statusOf(transcript.id)).toMatchObject({ publicSlug: null, firstPublishedAt: null });
    expect(await loadPublicTranscript(transcript.slug)).toBeNull();
  });
});

describe("unpublishing and reopening", () => {
  it("takes the page and its quotes down, keeps the first publication date for a later republication", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const { annotation: quote } = await createAnnotation(reporter, transcript.id, {
      segmentId: transcript.segmentIds[0]!,
      ...rangeOf(FIRST, "spend 2 percent of GDP"),
      kind: "quote",
      body: "",
    });
    await publishAt(editor, transcript.id, hoursIn(0));
    expect(await loadPublicQuote(quote.id)).toMatchObject({
      text: "spend 2 percent of GDP",
      paragraphNumber: 1,
      changedByCorrection: null,
      speaker: { name: "Jens Stoltenberg" },
    });

    const result = await transitionTranscript(editor, transcript.id, { to: "UNPUBLISHED", note: "Legal review." });
    expect(result).toEqual({ status: "UNPUBLISHED", publishedAt: hoursIn(0).toISOString(), url: null });
    expect(await loadPublicTranscript(transcript.slug)).toBeNull();
    expect(await loadPublicQuote(quote.id)).toBeNull();
    expect((await loadPublicTranscripts(1)).items.map((item) => item.id)).not.toContain(transcript.id);

    await transitionTranscript(reporter, transcript.id, { to: "DRAFT" });
    expect((await statusOf(transcript.id)).status).toBe("DRAFT");
    await publishAt(editor, transcript.id, hoursIn(2));
    expect((await publicationsOf(transcript.id)).map((row) => row.kind)).toEqual(["publish", "republish"]);
    expect(await loadPublicTranscript(transcript.slug)).toMatchObject({
      publishedAt: hoursIn(0).toISOString(),
      updatedAt: hoursIn(2).toISOString(),
    });
    expect((await workflowEvents(transcript.id)).map((event) => [event.action, event.from, event.to])).toEqual([
      ["published", "DRAFT", "PUBLISHED"],
      ["unpublished", "PUBLISHED", "UNPUBLISHED"],
      ["reopened", "UNPUBLISHED", "DRAFT"],
      ["republished", "DRAFT", "PUBLISHED"],
    ]);
  });
});

describe("scheduling", () => {
  it("schedules for later: not public until the scheduler publishes it when due", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const due = hoursIn(2);
    const result = await publishAt(editor, transcript.id, hoursIn(1), { publishAt: due.toISOString() });
    expect(result).toEqual({
      status: "SCHEDULED",
      publishedAt: due.toISOString(),
      url: absoluteUrl(`/t/${transcript.slug}`),
    });
    // The address is reserved while it waits, but the transcript is not public.
    expect(await statusOf(transcript.id)).toMatchObject({
      status: "SCHEDULED",
      publishAt: due,
      publicSlug: transcript.slug,
      firstPublishedAt: null,
    });
    expect(await publicationsOf(transcript.id)).toMatchObject([{ number: 1, kind: "publish", publishedAt: due }]);
    expect(await loadPublicTranscript(transcript.slug)).toBeNull();
    expect((await workflowEvents(transcript.id)).map((event) => event.action)).toEqual(["scheduled"]);

    expect((await publishDueTranscripts(new Date(due.getTime() - 60_000))).published).not.toContain(transcript.id);
    expect((await statusOf(transcript.id)).status).toBe("SCHEDULED");

    const run = await publishDueTranscripts(hoursIn(3));
    expect(run.published).toContain(transcript.id);
    expect(run.staleTags).toContain(slugTag(transcript.slug));
    expect(await statusOf(transcript.id)).toMatchObject({
      status: "PUBLISHED",
      publicSlug: transcript.slug,
      firstPublishedAt: due,
      publishAt: null,
    });
    expect(await loadPublicTranscript(transcript.slug)).toMatchObject({
      publishedAt: due.toISOString(),
      updatedAt: null,
    });
    expect((await workflowEvents(transcript.id)).at(-1)).toEqual({
      action: "published",
      from: "SCHEDULED",
      to: "PUBLISHED",
      note: "Published as scheduled.",
      overrides: "[]",
      actorId: editor.id,
    });
    expect((await publishDueTranscripts(hoursIn(4))).published).not.toContain(transcript.id);
  });

  it("publishes now when the time asked for is only seconds away or already past", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const now = hoursIn(0);
    const result = await publishAt(editor, transcript.id, now, {
      publishAt: new Date(now.getTime() + 3_000).toISOString(),
    });
    expect(result.status).toBe("PUBLISHED");
    expect(result.publishedAt).toBe(now.toISOString());
    const other = await readyTranscript(reporter, editor);
    const past = await publishAt(editor, other.id, now, { publishAt: new Date(now.getTime() - 40_000).toISOString() });
    expect(past.status).toBe("PUBLISHED");
  });

  it("refuses a publishAt that is not a date", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    const error = await expectAppError(
      publishAt(editor, transcript.id, hoursIn(0), { publishAt: "next Tuesday" }),
      "BAD_REQUEST",
    );
    expect(error.fieldErrors).toEqual({ publishAt: "Not a date and time." });
    await expectUntouched(transcript.id, "DRAFT");
  });

  it("cancelling a schedule withdraws the pending publication, so the scheduler never publishes it", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await publishAt(editor, transcript.id, hoursIn(1), { publishAt: hoursIn(2).toISOString() });
    const cancelledAt = new Date(hoursIn(1).getTime() + HOUR / 2);
    const result = await transitionTranscript(editor, transcript.id, { to: "DRAFT" }, cancelledAt);
    expect(result).toEqual({ status: "DRAFT", publishedAt: null, url: null });
    expect(await statusOf(transcript.id)).toMatchObject({ status: "DRAFT", publishAt: null, publicSlug: null });
    expect(await publicationsOf(transcript.id)).toMatchObject([{ number: 1, withdrawnAt: cancelledAt }]);
    expect((await workflowEvents(transcript.id)).map((event) => event.action)).toEqual([
      "scheduled",
      "schedule_cancelled",
    ]);

    expect((await publishDueTranscripts(hoursIn(3))).published).not.toContain(transcript.id);
    expect(await loadPublicTranscript(transcript.slug)).toBeNull();
  });

  it("publishing a scheduled transcript now replaces the pending publication", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await publishAt(editor, transcript.id, hoursIn(1), { publishAt: hoursIn(5).toISOString() });
    await publishAt(editor, transcript.id, hoursIn(2));
    expect(
      (await publicationsOf(transcript.id)).map((row) => [row.number, row.kind, row.withdrawnAt, row.publishedAt]),
    ).toEqual([
      [1, "publish", hoursIn(2), hoursIn(5)],
      [2, "publish", null, hoursIn(2)],
    ]);
    expect(await statusOf(transcript.id)).toMatchObject({
      status: "PUBLISHED",
      firstPublishedAt: hoursIn(2),
      publishAt: null,
    });
    expect(await loadPublicTranscript(transcript.slug)).toMatchObject({
      publishedAt: hoursIn(2).toISOString(),
      updatedAt: null,
    });
  });
});

describe("an overdue schedule (the scheduler has not run yet, or could not publish it)", () => {
  it("cancelling it withdraws its publication, which readers never saw", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await publishAt(editor, transcript.id, hoursIn(1), { publishAt: hoursIn(2).toISOString() });
    await transitionTranscript(editor, transcript.id, { to: "DRAFT" }, hoursIn(3));
    expect(await publicationsOf(transcript.id)).toMatchObject([{ number: 1, withdrawnAt: hoursIn(3) }]);

    await publishAt(editor, transcript.id, hoursIn(4));
    const changes = await loadPublicChanges(transcript.slug);
    expect(changes?.first.publishedAt).toBe(hoursIn(4).toISOString());
    expect(changes?.transcript).toMatchObject({ publishedAt: hoursIn(4).toISOString(), updatedAt: null });
  });

  it("publishing it now replaces its publication", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await publishAt(editor, transcript.id, hoursIn(1), { publishAt: hoursIn(2).toISOString() });
    await publishAt(editor, transcript.id, hoursIn(3));
    expect(
      (await publicationsOf(transcript.id)).map((row) => [row.number, row.kind, row.withdrawnAt, row.publishedAt]),
    ).toEqual([
      [1, "publish", hoursIn(3), hoursIn(2)],
      [2, "publish", null, hoursIn(3)],
    ]);
    expect((await loadPublicChanges(transcript.slug))?.first.publishedAt).toBe(hoursIn(3).toISOString());
  });

  it("does not withdraw what readers saw before the transcript was unpublished and scheduled again", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await publishAt(editor, transcript.id, hoursIn(0));
    await transitionTranscript(editor, transcript.id, { to: "UNPUBLISHED" });
    await publishAt(editor, transcript.id, hoursIn(1), { publishAt: hoursIn(2).toISOString() });
    await transitionTranscript(editor, transcript.id, { to: "DRAFT" }, hoursIn(3));
    expect((await publicationsOf(transcript.id)).map((row) => [row.number, row.kind, row.withdrawnAt])).toEqual([
      [1, "publish", null],
      [2, "republish", hoursIn(3)],
    ]);
  });
});

describe("transitions from the wrong state", () => {
  async function inState(state: "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "UNPUBLISHED") {
    const { reporter, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    if (state === "IN_REVIEW") await transitionTranscript(reporter, transcript.id, { to: "IN_REVIEW" });
    if (state === "SCHEDULED")
      await publishAt(editor, transcript.id, hoursIn(0), { publishAt: hoursIn(40).toISOString() });
    if (state === "PUBLISHED" || state === "UNPUBLISHED") await publishAt(editor, transcript.id, hoursIn(0));
    if (state === "UNPUBLISHED") await transitionTranscript(editor, transcript.id, { to: "UNPUBLISHED" });
    return { editor, transcript };
  }

  it.each([
    ["IN_REVIEW", { to: "IN_REVIEW" }, "This transcript is already waiting for review."],
    ["PUBLISHED", { to: "IN_REVIEW" }, "Only a draft can be submitted for review. Reopen it as a draft first."],
    ["SCHEDULED", { to: "IN_REVIEW" }, "Only a draft can be submitted for review. Reopen it as a draft first."],
    ["DRAFT", { to: "DRAFT", note: "x" }, "This transcript is already a draft."],
    [
      "PUBLISHED",
      { to: "DRAFT", note: "x" },
      "This transcript is published: unpublish it before making it a draft again.",
    ],
    ["PUBLISHED", { to: "LIVE" }, "Only a draft or a transcript in review can go live; this one is published."],
    ["SCHEDULED", { to: "LIVE" }, "Only a draft or a transcript in review can go live; this one is scheduled."],
    ["DRAFT", { to: "UNPUBLISHED" }, "Only a published or live transcript can be unpublished."],
    ["UNPUBLISHED", { to: "UNPUBLISHED" }, "Only a published or live transcript can be unpublished."],
    [
      "SCHEDULED",
      { to: "UNPUBLISHED" },
      "This transcript is scheduled, not published: cancel the schedule by returning it to draft.",
    ],
    [
      "PUBLISHED",
      { to: "PUBLISHED", publishAt: "schedule" },
      "This transcript is already published: republish it now, or unpublish it before scheduling.",
    ],
  ] as const)("refuses %s → %j as CONFLICT", async (state, input, message) => {
    const { editor, transcript } = await inState(state);
    const events = await db.workflowEvent.count({ where: { transcriptId: transcript.id } });
    const publications = await db.publication.count({ where: { transcriptId: transcript.id } });
    // A schedule is named in the test's title as "schedule": its date depends on when the test runs.
    const asked = "publishAt" in input ? { ...input, publishAt: hoursIn(40).toISOString() } : input;
    const error = await expectAppError(transitionTranscript(editor, transcript.id, asked, hoursIn(1)), "CONFLICT");
    expect(error.message).toBe(message);
    expect((await statusOf(transcript.id)).status).toBe(state);
    expect(await db.workflowEvent.count({ where: { transcriptId: transcript.id } })).toBe(events);
    expect(await db.publication.count({ where: { transcriptId: transcript.id } })).toBe(publications);
  });

  it("answers a stranger reporter NOT_FOUND for every transition, even on a published transcript", async () => {
    const { reporter, stranger, editor } = await newsroom();
    const transcript = await readyTranscript(reporter, editor);
    await publishAt(editor, transcript.id, hoursIn(0));
    for (const to of ["IN_REVIEW", "DRAFT", "PUBLISHED", "UNPUBLISHED"] as const) {
      await expectAppError(transitionTranscript(stranger, transcript.id, { to, note: "x" }), "NOT_FOUND");
    }
    await expectAppError(transitionTranscript(editor, "no-such-transcript", { to: "PUBLISHED" }), "NOT_FOUND");
  });
});
