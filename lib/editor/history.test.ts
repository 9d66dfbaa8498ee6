import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation, deleteAnnotation, updateAnnotation } from "@/lib/editor/annotations";
import { mergeEntity, setEntityStatus, tagEntity } from "@/lib/editor/entities";
import { compareRevisions, listRevisions, restoreRevision } from "@/lib/editor/history";
import { updateMetadata } from "@/lib/editor/metadata";
import { CHANGED_PARAGRAPHS_PAGE, REVISIONS_PAGE } from "@/lib/editor/paging";
import { applyReplace } from "@/lib/editor/replace";
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
import { addSpeaker, mergeSpeaker, splitSpeaker, updateSpeaker } from "@/lib/editor/speakers";
import {
  expectAppError,
  expectMentionsConsistent,
  liveSegments,
  makeLongTranscript,
  makeTranscript,
  person,
  rangeOf,
  revisionNumbers,
  versionOf,
  type TestUser,
} from "@/lib/editor/test-support";

const OPENING = "Good afternoon. We have just finished the last working session.";
const QUESTION = "What about the Sea of Azov?";
const ANSWER = "Allies discussed the security situation around Ukraine, including the Sea of Azov.";

async function pressConference(owner: TestUser) {
  const t = await makeTranscript(
    owner,
    [
      { text: OPENING, speaker: "Jens Stoltenberg" },
      { text: QUESTION, speaker: "Question" },
      { text: ANSWER, speaker: "Jens Stoltenberg" },
    ],
    { speakers: ["Jens Stoltenberg", "Question"], title: "NATO press conference" },
  );
  const [opening, question, answer] = t.segmentIds as [string, string, string];
  const [jens, asker] = t.speakerIds as [string, string];
  return { ...t, opening, question, answer, jens, asker };
}

/** What a reader of the transcript sees: metadata, paragraphs with speakers, speakers, live annotations. */
async function stateOf(transcriptId: string) {
  const transcript = await db.transcript.findUniqueOrThrow({
    where: { id: transcriptId },
    select: { title: true, slug: true, summary: true, place: true, tags: true, fidelity: true },
  });
  const speakers = await db.speaker.findMany({
    where: { transcriptId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, outlet: true, role: true },
  });
  const names = new Map(speakers.map((speaker) => [speaker.id, speaker.name]));
  const paragraphs = (await liveSegments(transcriptId)).map((segment) => ({
    id: segment.id,
    speaker: segment.speakerId ? names.get(segment.speakerId) : null,
    text: segment.text,
  }));
  const annotations = await db.annotation.findMany({
    where: { transcriptId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, segmentId: true, start: true, end: true, exact: true, status: true, body: true },
  });
  return { transcript, speakers, paragraphs, annotations };
}

async function lastRevision(transcriptId: string) {
  return db.revision.findFirstOrThrow({ where: { transcriptId }, orderBy: { number: "desc" } });
}

describe("revisions", () => {
  it("every kind of change adds exactly one revision, naming who made it", async () => {
    const owner = await person("Olga Owner");
    const editor = await person("Edward Editor", "EDITOR");
    const t = await pressConference(owner);
    let expected = 1;
    const step = async (actor: TestUser, action: string, work: () => Promise<unknown>) => {
      await work();
      expected += 1;
      const revision = await lastRevision(t.id);
      expect(revision, action).toMatchObject({ number: expected, action, actorId: actor.id });
      expect((await db.transcript.findUniqueOrThrow({ where: { id: t.id } })).revision, action).toBe(expected);
      expect(await db.revision.count({ where: { transcriptId: t.id } }), action).toBe(expected);
    };

    await step(owner, "segment.edit", () =>
      editSegment(owner, t.id, t.opening, { text: `${OPENING} Thank you.`, baseVersion: 1 }),
    );
    await step(editor, "segment.insert", () =>
      insertSegment(editor, t.id, { afterSegmentId: t.answer, text: "Next question." }),
    );
    await step(owner, "segment.split", async () =>
      splitSegment(owner, t.id, t.opening, { offset: 16, baseVersion: await versionOf(t.opening) }),
    );
    const [, second] = await liveSegments(t.id);
    await step(editor, "segment.merge", async () =>
      mergeIntoPrevious(editor, t.id, second!.id, {
        baseVersion: second!.version,
        previousBaseVersion: await versionOf(t.opening),
      }),
    );
    await step(owner, "segment.move", () => moveSegment(owner, t.id, t.question, { afterSegmentId: t.answer }));
    await step(owner, "segment.delete", async () =>
      deleteSegment(owner, t.id, t.question, await versionOf(t.question)),
    );
    await step(editor, "segment.restore", () => restoreSegment(editor, t.id, t.question));
    await step(owner, "segment.speaker", () =>
      setSpeakerFor(owner, t.id, { segmentIds: [t.answer], speakerId: t.asker }),
    );
    const { annotation } = await createAnnotation(editor, t.id, {
      segmentId: t.answer,
      ...rangeOf(ANSWER, "Sea of Azov"),
      kind: "note",
      body: "Check.",
    });
    expected += 1;
    expect(await lastRevision(t.id)).toMatchObject({ number: expected, action: "annotation.add", actorId: editor.id });
    await step(owner, "annotation.edit", () => updateAnnotation(owner, t.id, annotation.id, { resolved: true }));
    await step(owner, "annotation.delete", () => deleteAnnotation(owner, t.id, annotation.id));
    await step(editor, "speaker.add", () => addSpeaker(editor, t.id, { name: "Moderator", role: "moderator" }));
    await step(owner, "speaker.edit", () => updateSpeaker(owner, t.id, t.jens, { title: "Secretary General" }));
    await step(owner, "speaker.split", () =>
      splitSpeaker(owner, t.id, t.asker, [{ segmentId: t.question, speaker: { name: "Anna Novak" } }]),
    );
    await step(editor, "speaker.merge", () => mergeSpeaker(editor, t.id, t.asker, t.jens));
    const { entity: azov } = await tagEntity(owner, t.id, { type: "place", name: "Sea of Azov" });
    expected += 1;
    const { entity: ukraine } = await tagEntity(owner, t.id, { type: "place", name: "Ukraine" });
    expected += 1;
    expect(await lastRevision(t.id)).toMatchObject({ number: expected, action: "entity.tag", actorId: owner.id });
    await step(editor, "entity.status", () => setEntityStatus(editor, t.id, azov.id, "rejected"));
    await step(editor, "entity.merge", () => mergeEntity(editor, t.id, azov.id, ukraine.id));
    await step(owner, "transcript.edit", () => updateMetadata(owner, t.id, { baseVersion: 1, title: "Renamed" }));
    await step(editor, "segment.replace", () =>
      applyReplace(editor, t.id, { find: "Allies", replace: "The Allies", matchCase: true, wholeWord: true }),
    );
    await step(owner, "revision.restore", () => restoreRevision(owner, t.id, 2));

    const { revisions: listed } = await listRevisions(owner, t.id);
    expect(listed.map((revision) => revision.number)).toEqual(
      Array.from({ length: expected }, (_, index) => expected - index),
    );
    expect(listed[0]).toMatchObject({ action: "revision.restore", actor: { id: owner.id, name: "Olga Owner" } });
    expect(listed.at(-1)).toMatchObject({ number: 1, action: "transcript.created" });
  });

  it("does not add a revision for a save that changes nothing", async () => {
    const owner = await person("Olga Owner");
    const t = await pressConference(owner);
    const result = await editSegment(owner, t.id, t.opening, { text: OPENING, baseVersion: 1 });
    expect(result.revision).toBe(1);
    expect(await versionOf(t.opening)).toBe(1);
    expect(await revisionNumbers(t.id)).toEqual([1]);
  });
});

describe("comparing two revisions", () => {
  it("shows the net changes: a word diff per edited paragraph, added and deleted ones, speakers, annotations", async () => {
    const owner = await person("Olga Owner");
    const t = await pressConference(owner);
    const edited = "Good afternoon. We have just finished the final session of the day.";
    await editSegment(owner, t.id, t.opening, { text: "Good afternoon. We finished.", baseVersion: 1 });
    await editSegment(owner, t.id, t.opening, { text: edited, baseVersion: 2 });
    const { segment: added } = await insertSegment(owner, t.id, { afterSegmentId: t.answer, text: "Next question." });
    await deleteSegment(owner, t.id, t.question, 1);
    await updateSpeaker(owner, t.id, t.jens, { name: "NATO Secretary General" });
    const { annotation } = await createAnnotation(owner, t.id, {
      segmentId: t.answer,
      ...rangeOf(ANSWER, "Sea of Azov"),
      kind: "context",
      body: "Shared by Russia and Ukraine.",
    });
    await updateMetadata(owner, t.id, { baseVersion: 1, title: "NATO defence ministers" });
    const latest = (await db.transcript.findUniqueOrThrow({ where: { id: t.id } })).revision;

    const comparison = await compareRevisions(owner, t.id, 1, latest);
    const byId = new Map(comparison.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
    const opening = byId.get(t.opening)!;
    expect(opening.kind).toBe("edited");
    const side = (kind: "removed" | "added") =>
      opening.parts
        .filter((part) => part.kind === "same" || part.kind === kind)
        .map((part) => part.text)
        .join("");
    expect(side("removed")).toBe(OPENING);
    expect(side("added")).toBe(edited);
    expect(opening.parts).toContainEqual({ kind: "added", text: expect.stringContaining("final") });
    expect(byId.get(added.id)).toMatchObject({ kind: "added", parts: [{ kind: "added", text: "Next question." }] });
    expect(byId.get(t.question)).toMatchObject({ kind: "deleted", parts: [{ kind: "removed", text: QUESTION }] });
    expect(byId.has(t.answer)).toBe(false);
    expect(comparison.paragraphs.map((paragraph) => paragraph.id)).toEqual([t.opening, t.question, added.id]);

    expect(comparison.speakers).toEqual([
      {
        id: t.jens,
        kind: "changed",
        label: "NATO Secretary General",
        fields: [{ field: "name", before: "Jens Stoltenberg", after: "NATO Secretary General" }],
      },
    ]);
    expect(comparison.annotations).toEqual([
      { id: annotation.id, kind: "added", label: "context on “Sea of Azov”", fields: [] },
    ]);
    expect(comparison.details).toEqual([
      { field: "title", before: "NATO press conference", after: "NATO defence ministers" },
      // Never published and never typed by hand: the address followed the title.
      { field: "slug", before: t.slug, after: "nato-defence-ministers" },
    ]);
  });

  it("answers the same in either order, and leaves out a change that was changed back", async () => {
    const owner = await person("Olga Owner");
    const t = await pressConference(owner);
    await editSegment(owner, t.id, t.opening, { text: "Changed.", baseVersion: 1 });
    await editSegment(owner, t.id, t.opening, { text: OPENING, baseVersion: 2 });
    await editSegment(owner, t.id, t.answer, { text: `${ANSWER} Thank you.`, baseVersion: 1 });
    const forward = await compareRevisions(owner, t.id, 1, 4);
    expect(forward.paragraphs.map((paragraph) => paragraph.id)).toEqual([t.answer]);
    expect(await compareRevisions(owner, t.id, 4, 1)).toEqual(forward);
    await expectAppError(compareRevisions(owner, t.id, 1, 5), "NOT_FOUND");
  });
});

describe("restoring a revision", () => {
  it("brings back text, speakers (a merged-away one too), annotations and details, as a new revision", async () => {
    const owner = await person("Olga Owner");
    const editor = await person("Edward Editor", "EDITOR");
    const t = await pressConference(owner);
    const { annotation } = await createAnnotation(owner, t.id, {
      segmentId: t.answer,
      ...rangeOf(ANSWER, "Sea of Azov"),
      kind: "note",
      body: "Check the spelling.",
    });
    await updateMetadata(owner, t.id, { baseVersion: 1, title: "NATO defence ministers", tags: ["nato"] });
    const atThree = await stateOf(t.id);
    expect(await revisionNumbers(t.id)).toEqual([1, 2, 3]);

    // Later: text edits, the questioner merged away, the note deleted, new details, a new paragraph, a rename.
    await editSegment(editor, t.id, t.answer, { text: ANSWER.replace("Allies", "The Allies"), baseVersion: 1 });
    await editSegment(editor, t.id, t.opening, { text: "Good evening.", baseVersion: 1 });
    await mergeSpeaker(editor, t.id, t.asker, t.jens);
    await deleteAnnotation(editor, t.id, annotation.id);
    await updateMetadata(editor, t.id, { baseVersion: 2, title: "Later title", summary: "A summary.", tags: [] });
    await insertSegment(editor, t.id, { afterSegmentId: null, text: "Preface." });
    await updateSpeaker(editor, t.id, t.jens, { name: "Stoltenberg" });
    await deleteSegment(editor, t.id, t.question, await versionOf(t.question));
    const atEleven = await stateOf(t.id);
    expect(await revisionNumbers(t.id)).toHaveLength(11);

    const restored = await restoreRevision(owner, t.id, 3);
    expect(restored).toMatchObject({ revision: 12, restored: 3 });
    expect(await stateOf(t.id)).toEqual(atThree);
    expect(await revisionNumbers(t.id)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect(await lastRevision(t.id)).toMatchObject({ action: "revision.restore", actorId: owner.id });
    expect(await db.speaker.findUnique({ where: { id: t.asker } })).toMatchObject({ name: "Question" });
    expect(
      await db.auditEvent.count({
        where: { targetId: t.id, action: "transcript.revision_restored", actorId: owner.id },
      }),
    ).toBe(1);

    // Restoring the later revision brings the later state back, again as a new revision.
    await restoreRevision(owner, t.id, 11);
    expect(await stateOf(t.id)).toEqual(atEleven);
    expect(await revisionNumbers(t.id)).toHaveLength(13);
    await expectMentionsConsistent(t.id);
  });

  it("leaves paragraphs added after the revision deleted, not destroyed, and lets them come back", async () => {
    const owner = await person("Olga Owner");
    const t = await pressConference(owner);
    const { segment } = await insertSegment(owner, t.id, { afterSegmentId: t.answer, text: "Next question." });
    await restoreRevision(owner, t.id, 1);
    const row = await db.segment.findUniqueOrThrow({ where: { id: segment.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.text).toBe("Next question.");
    await restoreRevision(owner, t.id, 2);
    expect((await liveSegments(t.id)).map((paragraph) => paragraph.text)).toEqual([
      OPENING,
      QUESTION,
      ANSWER,
      "Next question.",
    ]);
  });

  it("gives an entity merged into another its mentions back when the merge is undone", async () => {
    const owner = await person("Olga Owner");
    const t = await pressConference(owner);
    const { entity: azov } = await tagEntity(owner, t.id, { type: "place", name: "Sea of Azov" });
    const { entity: ukraine } = await tagEntity(owner, t.id, { type: "place", name: "Ukraine" });
    const beforeMerge = (await revisionNumbers(t.id)).length;
    await mergeEntity(owner, t.id, azov.id, ukraine.id);
    expect(await db.mention.count({ where: { transcriptEntityId: azov.id } })).toBe(0);

    await restoreRevision(owner, t.id, beforeMerge);
    const link = await db.transcriptEntity.findUniqueOrThrow({ where: { id: azov.id } });
    expect(link.status).toBe("ACCEPTED");
    expect(link.mentionCount).toBe(2);
    await expectMentionsConsistent(t.id);
  });

  it("refuses the current revision and revisions that do not exist", async () => {
    const owner = await person("Olga Owner");
    const t = await pressConference(owner);
    await editSegment(owner, t.id, t.opening, { text: "Good evening.", baseVersion: 1 });
    await expectAppError(restoreRevision(owner, t.id, 2), "UNPROCESSABLE");
    await expectAppError(restoreRevision(owner, t.id, 0), "UNPROCESSABLE");
    await expectAppError(restoreRevision(owner, t.id, 7), "UNPROCESSABLE");
    expect(await revisionNumbers(t.id)).toEqual([1, 2]);
  });
});

describe("the history of a long transcript", () => {
  // Two and a half pages of changed paragraphs: enough to page through, small enough to write quickly.
  const PARAGRAPHS = CHANGED_PARAGRAPHS_PAGE * 2 + 50;

  async function replacedEverywhere(owner: TestUser) {
    const t = await makeLongTranscript(owner, PARAGRAPHS, {
      text: (index) => `Statement ${index + 1} on the river gauge.`,
    });
    const { replaced } = await applyReplace(owner, t.id, {
      find: "river",
      replace: "stream",
      matchCase: false,
      wholeWord: true,
    });
    expect(replaced).toBe(PARAGRAPHS);
    return t;
  }

  it("compares a replace across every paragraph a page at a time, in reading order", { timeout: 60_000 }, async () => {
    const owner = await person("Olga Owner");
    const t = await replacedEverywhere(owner);
    const pageCount = Math.ceil(PARAGRAPHS / CHANGED_PARAGRAPHS_PAGE);

    const first = await compareRevisions(owner, t.id, 1, 2);
    expect(first).toMatchObject({ paragraphCount: PARAGRAPHS, paragraphPage: 1, paragraphPageCount: pageCount });
    expect(first.paragraphs.map((paragraph) => paragraph.id)).toEqual(t.segmentIds.slice(0, CHANGED_PARAGRAPHS_PAGE));
    expect(first.paragraphs[0]!.parts).toEqual([
      { kind: "same", text: "Statement 1 on the " },
      { kind: "removed", text: "river" },
      { kind: "added", text: "stream" },
      { kind: "same", text: " gauge." },
    ]);

    const last = await compareRevisions(owner, t.id, 2, 1, { paragraphPage: pageCount });
    expect(last.paragraphs.map((paragraph) => paragraph.id)).toEqual(
      t.segmentIds.slice((pageCount - 1) * CHANGED_PARAGRAPHS_PAGE),
    );
    // A page past the last shows the last.
    expect(await compareRevisions(owner, t.id, 1, 2, { paragraphPage: pageCount + 5 })).toEqual(last);
  });

  it("lists revisions newest first, a page at a time", async () => {
    const owner = await person("Olga Owner");
    const t = await makeTranscript(owner, ["Good afternoon."], { speakers: ["Chair"] });
    for (let round = 1; round <= REVISIONS_PAGE + 10; round++) {
      await updateSpeaker(owner, t.id, t.speakerIds[0]!, { title: `Chair ${round}` });
    }
    const total = REVISIONS_PAGE + 11;
    const first = await listRevisions(owner, t.id);
    expect(first).toMatchObject({ total, page: 1, pageCount: 2 });
    expect(first.revisions.map((revision) => revision.number)).toEqual(
      Array.from({ length: REVISIONS_PAGE }, (_, index) => total - index),
    );
    const second = await listRevisions(owner, t.id, { page: 2 });
    expect(second.revisions.map((revision) => revision.number)).toEqual(
      Array.from({ length: 11 }, (_, index) => 11 - index),
    );
    expect(await listRevisions(owner, t.id, { page: 7 })).toEqual(second);
  });

  it(
    "restores the revision before a replace across every paragraph, answering other work while it runs",
    { timeout: 60_000 },
    async () => {
      const owner = await person("Olga Owner");
      const t = await replacedEverywhere(owner);
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 1);
      try {
        const result = await restoreRevision(owner, t.id, 1);
        expect(result).toMatchObject({ revision: 3, restored: 1, changed: PARAGRAPHS });
      } finally {
        clearInterval(timer);
      }
      expect(ticks).toBeGreaterThan(0);
      const texts = (await liveSegments(t.id)).map((segment) => segment.text);
      expect(texts).toEqual(
        Array.from({ length: PARAGRAPHS }, (_, index) => `Statement ${index + 1} on the river gauge.`),
      );
    },
  );
});
