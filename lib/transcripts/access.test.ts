import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findTranscriptFor, NOT_FOUND_MESSAGE, withTranscript } from "@/lib/transcripts/access";
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
  replyToNote,
  updateAnnotation,
} from "@/lib/editor/annotations";
import { mergeEntity, setEntityStatus, tagEntity } from "@/lib/editor/entities";
import { compareRevisions, listRevisions, restoreRevision } from "@/lib/editor/history";
import { updateMetadata } from "@/lib/editor/metadata";
import { heartbeat } from "@/lib/editor/presence";
import { getTranscriptPage, loadEditorBootstrap } from "@/lib/editor/queries";
import { applyReplace, previewReplace } from "@/lib/editor/replace";
import {
  deleteSegment,
  editSegment,
  insertSegment,
  mergeIntoPrevious,
  moveSegment,
  restoreSegment,
  setSpeakerFor,
  splitSegment,
} from "@/lib/editor/segments";
import { listShares, shareWith, unshare } from "@/lib/editor/shares";
import { addSpeaker, mergeSpeaker, splitSpeaker, updateSpeaker } from "@/lib/editor/speakers";
import { expectAppError, makeTranscript, person, textsOf, type TestUser } from "@/lib/editor/test-support";
import { findSourceFileContent, listDeskTranscripts } from "@/lib/transcripts/queries";

/** A reporter's transcript with a bit of everything, one revision past the upload. */
async function ownedTranscript(owner: TestUser) {
  const transcript = await makeTranscript(
    owner,
    [
      { text: "Good afternoon. NATO is strong.", speaker: "Jens Stoltenberg" },
      { text: "What about Kosovo?", speaker: "Question" },
      { text: "We discussed Kosovo.", speaker: "Jens Stoltenberg" },
    ],
    { speakers: ["Jens Stoltenberg", "Question"] },
  );
  const { annotation } = await createAnnotation(owner, transcript.id, {
    segmentId: transcript.segmentIds[0]!,
    start: 16,
    end: 20,
    kind: "note",
    body: "Check.",
  });
  const { entity: nato } = await tagEntity(owner, transcript.id, { type: "org", name: "NATO" });
  const { entity: kosovo } = await tagEntity(owner, transcript.id, { type: "place", name: "Kosovo" });
  const [first, second, third] = transcript.segmentIds as [string, string, string];
  const [jens, question] = transcript.speakerIds as [string, string];
  return { ...transcript, first, second, third, jens, question, noteId: annotation.id, nato, kosovo };
}

type Owned = Awaited<ReturnType<typeof ownedTranscript>>;

/** Every way into a transcript through lib/editor, each one called as `actor`. */
function everyCall(actor: TestUser, t: Owned): [string, () => Promise<unknown>][] {
  return [
    ["getTranscriptPage", () => getTranscriptPage(actor, t.id, 0, 10)],
    ["editSegment", () => editSegment(actor, t.id, t.first, { text: "Hijacked.", baseVersion: 1 })],
    ["insertSegment", () => insertSegment(actor, t.id, { afterSegmentId: null, text: "Hijacked." })],
    ["splitSegment", () => splitSegment(actor, t.id, t.first, { offset: 5, baseVersion: 1 })],
    ["mergeIntoPrevious", () => mergeIntoPrevious(actor, t.id, t.second, { baseVersion: 1, previousBaseVersion: 1 })],
    ["moveSegment", () => moveSegment(actor, t.id, t.first, { afterSegmentId: t.third })],
    ["deleteSegment", () => deleteSegment(actor, t.id, t.first, 1)],
    ["restoreSegment", () => restoreSegment(actor, t.id, t.first)],
    ["setSpeakerFor", () => setSpeakerFor(actor, t.id, { segmentIds: [t.first], speakerId: null })],
    [
      "createAnnotation",
      () => createAnnotation(actor, t.id, { segmentId: t.first, start: 0, end: 4, kind: "note", body: "" }),
    ],
    ["updateAnnotation", () => updateAnnotation(actor, t.id, t.noteId, { resolved: true })],
    ["deleteAnnotation", () => deleteAnnotation(actor, t.id, t.noteId)],
    ["replyToNote", () => replyToNote(actor, t.id, t.noteId, "Me too.")],
    ["listAnnotations", () => listAnnotations(actor, t.id)],
    ["addSpeaker", () => addSpeaker(actor, t.id, { name: "Intruder" })],
    ["updateSpeaker", () => updateSpeaker(actor, t.id, t.jens, { name: "Intruder" })],
    ["mergeSpeaker", () => mergeSpeaker(actor, t.id, t.question, t.jens)],
    ["splitSpeaker", () => splitSpeaker(actor, t.id, t.question, [{ segmentId: t.second, speaker: { name: "X" } }])],
    ["tagEntity", () => tagEntity(actor, t.id, { type: "place", name: "Brussels" })],
    ["setEntityStatus", () => setEntityStatus(actor, t.id, t.nato.id, "rejected")],
    ["mergeEntity", () => mergeEntity(actor, t.id, t.kosovo.id, t.nato.id)],
    ["updateMetadata", () => updateMetadata(actor, t.id, { baseVersion: 1, title: "Hijacked" })],
    [
      "previewReplace",
      () => previewReplace(actor, t.id, { find: "NATO", replace: "", matchCase: false, wholeWord: false }),
    ],
    [
      "applyReplace",
      () => applyReplace(actor, t.id, { find: "NATO", replace: "X", matchCase: false, wholeWord: false }),
    ],
    ["heartbeat", () => heartbeat(actor, t.id, { clientId: "tab", segmentId: null, sinceRevision: 0 })],
    ["listShares", () => listShares(actor, t.id)],
    ["unshare", () => unshare(actor, t.id, actor.id)],
    ["listRevisions", () => listRevisions(actor, t.id)],
    ["compareRevisions", () => compareRevisions(actor, t.id, 1, 2)],
    ["restoreRevision", () => restoreRevision(actor, t.id, 1)],
  ];
}

describe("a reporter and another reporter's transcript", () => {
  it("cannot read or change it through any editor function: each answers NOT_FOUND and nothing changes", async () => {
    const owner = await person("Olga Owner");
    const stranger = await person("Sam Stranger");
    const transcript = await ownedTranscript(owner);
    const before = await db.transcript.findUniqueOrThrow({ where: { id: transcript.id } });

    const calls = everyCall(stranger, transcript);
    for (const [name, call] of calls) {
      const outcome: unknown = await call().then(
        () => "allowed",
        (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : error),
      );
      // The access check's own refusal, not some later "no such paragraph".
      expect(outcome, name).toBe(`NOT_FOUND: ${NOT_FOUND_MESSAGE}`);
    }
    await expectAppError(shareWith(stranger, transcript.id, stranger.email), "NOT_FOUND");
    expect(await findTranscriptFor(stranger, transcript.id)).toBeNull();
    expect(await findTranscriptFor(stranger, transcript.id, { edit: true })).toBeNull();
    expect(await loadEditorBootstrap(stranger, transcript.id)).toBeNull();

    const after = await db.transcript.findUniqueOrThrow({ where: { id: transcript.id } });
    expect(after).toMatchObject({ revision: before.revision, version: before.version, title: before.title });
    expect(await textsOf(transcript.id)).toEqual([
      "Good afternoon. NATO is strong.",
      "What about Kosovo?",
      "We discussed Kosovo.",
    ]);
    expect(await db.presence.count({ where: { transcriptId: transcript.id } })).toBe(0);
    expect(await db.annotationReply.count()).toBe(0);
  });

  it("is told a missing transcript and a forbidden one in the same words", async () => {
    const owner = await person("Olga Owner");
    const stranger = await person("Sam Stranger");
    const transcript = await ownedTranscript(owner);
    const forbidden = await expectAppError(listAnnotations(stranger, transcript.id), "NOT_FOUND");
    const missing = await expectAppError(listAnnotations(stranger, "no-such-transcript"), "NOT_FOUND");
    expect(forbidden.message).toBe(missing.message);
  });

  it("can read and edit it once it is shared with them, and not after it is unshared", async () => {
    const owner = await person("Olga Owner");
    const colleague = await person("Colin Colleague");
    const transcript = await ownedTranscript(owner);
    const shares = await shareWith(owner, transcript.id, colleague.email);
    expect(shares).toEqual([{ userId: colleague.id, name: "Colin Colleague", email: colleague.email }]);

    expect((await getTranscriptPage(colleague, transcript.id, 0, 10)).segments).toHaveLength(3);
    expect(await loadEditorBootstrap({ ...colleague }, transcript.id)).not.toBeNull();
    await editSegment(colleague, transcript.id, transcript.first, { text: "Good evening.", baseVersion: 1 });
    expect((await textsOf(transcript.id))[0]).toBe("Good evening.");

    await unshare(owner, transcript.id, colleague.id);
    await expectAppError(getTranscriptPage(colleague, transcript.id, 0, 10), "NOT_FOUND");
    const events = await db.auditEvent.findMany({
      where: { targetId: transcript.id },
      orderBy: { at: "asc" },
      select: { action: true, actorId: true },
    });
    expect(events).toEqual([
      { action: "transcript.shared", actorId: owner.id },
      { action: "transcript.unshared", actorId: owner.id },
    ]);
  });

  it("cannot pass on a transcript shared with them: sharing further is FORBIDDEN", async () => {
    const owner = await person("Olga Owner");
    const colleague = await person("Colin Colleague");
    const third = await person("Theo Third");
    const transcript = await ownedTranscript(owner);
    await shareWith(owner, transcript.id, colleague.email);

    await expectAppError(shareWith(colleague, transcript.id, third.email), "FORBIDDEN");
    await expectAppError(unshare(colleague, transcript.id, colleague.id), "FORBIDDEN");
    expect((await listShares(owner, transcript.id)).map((share) => share.userId)).toEqual([colleague.id]);
  });

  it("is refused sharing with an unknown address or with the owner", async () => {
    const owner = await person("Olga Owner");
    const transcript = await ownedTranscript(owner);
    const unknown = await expectAppError(shareWith(owner, transcript.id, "nobody@newsroom.test"), "NOT_FOUND");
    expect(unknown.fieldErrors.email).toBeDefined();
    await expectAppError(shareWith(owner, transcript.id, owner.email), "UNPROCESSABLE");
    expect(await listShares(owner, transcript.id)).toEqual([]);
  });

  it("loses access to their own transcript once their account is deactivated", async () => {
    const owner = await person("Olga Owner");
    const transcript = await ownedTranscript(owner);
    await expectAppError(getTranscriptPage({ ...owner, active: false }, transcript.id, 0, 10), "NOT_FOUND");
  });
});

describe("editors and admins", () => {
  it.each(["EDITOR", "ADMIN"] as const)("as %s read, edit and share any reporter's transcript", async (role) => {
    const owner = await person("Olga Owner");
    const staff = await person(`Staff ${role}`, role);
    const colleague = await person("Colin Colleague");
    const transcript = await ownedTranscript(owner);

    expect(await findTranscriptFor(staff, transcript.id, { edit: true })).toMatchObject({ id: transcript.id });
    expect((await listAnnotations(staff, transcript.id)).map((annotation) => annotation.id)).toEqual([
      transcript.noteId,
    ]);
    await editSegment(staff, transcript.id, transcript.third, { text: "We discussed KFOR.", baseVersion: 1 });
    await updateMetadata(staff, transcript.id, { baseVersion: 1, title: "Checked by the desk" });
    await shareWith(staff, transcript.id, colleague.email);
    expect(await textsOf(transcript.id)).toContain("We discussed KFOR.");
    expect((await db.transcript.findUniqueOrThrow({ where: { id: transcript.id } })).title).toBe("Checked by the desk");
    expect(await findTranscriptFor(colleague, transcript.id)).not.toBeNull();
  });
});

describe("the desk's transcript list and source files", () => {
  it("show a reporter their own and shared transcripts only, and an editor all of them", async () => {
    const reporter = await person("Rita Reporter");
    const other = await person("Olga Owner");
    const editor = await person("Edward Editor", "EDITOR");
    const own = await makeTranscript(reporter, ["Mine."], { title: "Mine" });
    const shared = await makeTranscript(other, ["Shared."], { title: "Shared" });
    const hidden = await makeTranscript(other, ["Hidden."], { title: "Hidden" });
    await shareWith(other, shared.id, reporter.email);

    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    expect(ids(await listDeskTranscripts(reporter))).toEqual([own.id, shared.id].sort());
    expect(ids(await listDeskTranscripts(editor))).toEqual(expect.arrayContaining([own.id, shared.id, hidden.id]));
    expect(ids(await listDeskTranscripts({ ...reporter, active: false }))).toEqual([]);
  });

  it("give a stranger no source file, and the owner and editors the original bytes", async () => {
    const owner = await person("Olga Owner");
    const stranger = await person("Sam Stranger");
    const editor = await person("Edward Editor", "EDITOR");
    const transcript = await makeTranscript(owner, ["Good afternoon."]);
    const content = new TextEncoder().encode("SPEAKER: Good afternoon.");
    const file = await db.sourceFile.create({
      data: {
        transcriptId: transcript.id,
        content,
        filename: "briefing.txt",
        mediaType: "text/plain",
        size: content.byteLength,
        sha256: "0".repeat(64),
        encoding: "utf-8",
        format: "txt",
        uploadedById: owner.id,
      },
    });
    expect(await findSourceFileContent(stranger, file.id)).toBeNull();
    const mine = await findSourceFileContent(owner, file.id);
    expect(Buffer.from(mine!.content).equals(Buffer.from(content))).toBe(true);
    expect(await findSourceFileContent(editor, file.id)).toMatchObject({ filename: "briefing.txt" });
  });
});

describe("withTranscript", () => {
  it("runs the work in one transaction with the transcript, and never for someone it is not shared with", async () => {
    const owner = await person("Rita Reporter");
    const stranger = await person("Sam Stranger");
    const transcript = await makeTranscript(owner, ["Good afternoon."]);
    const seen = await withTranscript(owner, transcript.id, "edit", async (tx, handle) => {
      await tx.segment.updateMany({ where: { transcriptId: transcript.id }, data: { text: "Changed." } });
      return handle.id;
    });
    expect(seen).toBe(transcript.id);
    let ran = false;
    const refused = await expectAppError(
      withTranscript(stranger, transcript.id, "view", async () => {
        ran = true;
      }),
      "NOT_FOUND",
    );
    expect(refused.message).toBe(NOT_FOUND_MESSAGE);
    expect(ran).toBe(false);
  });

  it("rolls the work back when it throws", async () => {
    const owner = await person("Rita Reporter");
    const transcript = await makeTranscript(owner, ["Good afternoon."]);
    await expect(
      withTranscript(owner, transcript.id, "edit", async (tx) => {
        await tx.segment.updateMany({ where: { transcriptId: transcript.id }, data: { text: "Half-written." } });
        throw new AppError("CONFLICT", "Stop.");
      }),
    ).rejects.toThrow("Stop.");
    expect(await textsOf(transcript.id)).toEqual(["Good afternoon."]);
  });
});
