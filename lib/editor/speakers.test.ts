import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getTranscriptPage } from "@/lib/editor/queries";
import { deleteSegment } from "@/lib/editor/segments";
import { FIRST_PAGE } from "@/lib/editor/paging";
import { addSpeaker, listSpeakerParagraphs, mergeSpeaker, splitSpeaker, updateSpeaker } from "@/lib/editor/speakers";
import {
  expectAppError,
  liveSegments,
  makeLongTranscript,
  makeTranscript,
  person,
  revisionNumbers,
  type TestUser,
} from "@/lib/editor/test-support";

async function pressConference(owner: TestUser) {
  const transcript = await makeTranscript(
    owner,
    [
      { text: "Good afternoon.", speaker: "Jens Stoltenberg" },
      { text: "What about Afghanistan?", speaker: "Question" },
      { text: "The situation remains difficult.", speaker: "Jens Stoltenberg" },
      { text: "And Kosovo?", speaker: "Question" },
      { text: "We discussed KFOR.", speaker: "Stoltenberg" },
      { text: "One more on Ukraine?", speaker: "Question" },
    ],
    { speakers: ["Jens Stoltenberg", "Question", "Stoltenberg"] },
  );
  const [jens, question, duplicate] = transcript.speakerIds as [string, string, string];
  return { ...transcript, jens, question, duplicate };
}

async function speakerOf(transcriptId: string) {
  return (await liveSegments(transcriptId)).map((segment) => segment.speakerId);
}

describe("renaming a speaker", () => {
  it("changes the name everywhere at once: every paragraph still points at the same speaker", async () => {
    const reporter = await person("Rita Reporter");
    const t = await pressConference(reporter);
    const before = await speakerOf(t.id);
    const { speaker } = await updateSpeaker(reporter, t.id, t.jens, {
      name: "  NATO Secretary General Jens Stoltenberg ",
      title: "NATO Secretary General",
      role: "official",
    });
    expect(speaker).toMatchObject({
      id: t.jens,
      name: "NATO Secretary General Jens Stoltenberg",
      title: "NATO Secretary General",
      role: "official",
    });
    expect(await speakerOf(t.id)).toEqual(before);
    const page = await getTranscriptPage(reporter, t.id, 0, 10);
    expect(page.speakers.find((row) => row.id === t.jens)?.name).toBe("NATO Secretary General Jens Stoltenberg");
    expect(await revisionNumbers(t.id)).toEqual([1, 2]);
  });

  it("refuses a name another speaker of the transcript has, with a conflict naming that speaker", async () => {
    const reporter = await person("Rita Reporter");
    const t = await pressConference(reporter);
    const error = await expectAppError(
      updateSpeaker(reporter, t.id, t.duplicate, { name: "Jens Stoltenberg" }),
      "CONFLICT",
    );
    expect(error.fieldErrors.name).toBeDefined();
    expect(error.extra.existingSpeakerId).toBe(t.jens);
    expect((await db.speaker.findUniqueOrThrow({ where: { id: t.duplicate } })).name).toBe("Stoltenberg");
    await expectAppError(addSpeaker(reporter, t.id, { name: "Question" }), "CONFLICT");
    expect(await revisionNumbers(t.id)).toEqual([1]);
  });

  it("allows a name used in another transcript", async () => {
    const reporter = await person("Rita Reporter");
    const t = await pressConference(reporter);
    const other = await makeTranscript(reporter, ["Hello."], { speakers: ["Moderator"] });
    const { speaker } = await updateSpeaker(reporter, t.id, t.question, { name: "Moderator" });
    expect(speaker.name).toBe("Moderator");
    expect(await db.speaker.count({ where: { name: "Moderator", transcriptId: other.id } })).toBe(1);
  });
});

describe("merging two speakers", () => {
  it("moves every paragraph of one speaker to the other and removes it", async () => {
    const reporter = await person("Rita Reporter");
    const t = await pressConference(reporter);
    const { moved, speaker } = await mergeSpeaker(reporter, t.id, t.duplicate, t.jens);
    expect(moved).toBe(1);
    expect(speaker.id).toBe(t.jens);
    expect(await db.speaker.findUnique({ where: { id: t.duplicate } })).toBeNull();
    expect(await db.segment.count({ where: { speakerId: t.duplicate } })).toBe(0);
    expect(await speakerOf(t.id)).toEqual([t.jens, t.question, t.jens, t.question, t.jens, t.question]);
  });

  it("moves a deleted paragraph of the merged speaker as well, so none is left pointing at it", async () => {
    const reporter = await person("Rita Reporter");
    const t = await pressConference(reporter);
    await deleteSegment(reporter, t.id, t.segmentIds[4]!, 1);
    await mergeSpeaker(reporter, t.id, t.duplicate, t.jens);
    const deleted = await db.segment.findUniqueOrThrow({ where: { id: t.segmentIds[4]! } });
    expect(deleted.speakerId).toBe(t.jens);
    expect(await db.speaker.count({ where: { transcriptId: t.id } })).toBe(2);
  });

  it("refuses to merge a speaker into itself", async () => {
    const reporter = await person("Rita Reporter");
    const t = await pressConference(reporter);
    await expectAppError(mergeSpeaker(reporter, t.id, t.jens, t.jens), "UNPROCESSABLE");
    expect(await db.speaker.count({ where: { transcriptId: t.id } })).toBe(3);
  });
});

describe("splitting a generic speaker", () => {
  it("gives the questions to named journalists with outlets, one speaker per name even when named twice", async () => {
    const reporter = await person("Rita Reporter");
    const t = await pressConference(reporter);
    const [, q1, , q2, , q3] = t.segmentIds as [string, string, string, string, string, string];
    const result = await splitSpeaker(reporter, t.id, t.question, [
      { segmentId: q1, speaker: { name: "Anna Novak", outlet: "Reuters" } },
      { segmentId: q2, speaker: { name: "Ben Okafor", outlet: "BBC" } },
      { segmentId: q3, speaker: { name: "Anna Novak", outlet: "Reuters" } },
    ]);
    const anna = await db.speaker.findFirstOrThrow({ where: { transcriptId: t.id, name: "Anna Novak" } });
    const ben = await db.speaker.findFirstOrThrow({ where: { transcriptId: t.id, name: "Ben Okafor" } });
    expect(anna).toMatchObject({ outlet: "Reuters", role: "QUESTIONER" });
    expect(ben).toMatchObject({ outlet: "BBC", role: "QUESTIONER" });
    expect(await db.speaker.count({ where: { transcriptId: t.id, name: "Anna Novak" } })).toBe(1);
    expect(await speakerOf(t.id)).toEqual([t.jens, anna.id, t.jens, ben.id, t.duplicate, anna.id]);
    expect(result.segments.map((segment) => segment.id)).toEqual([q1, q2, q3]);
    expect(result.speakers.map((speaker) => speaker.name)).toEqual([
      "Jens Stoltenberg",
      "Question",
      "Stoltenberg",
      "Anna Novak",
      "Ben Okafor",
    ]);
    expect(await revisionNumbers(t.id)).toEqual([1, 2]);
  });

  it("can give paragraphs to an existing speaker", async () => {
    const reporter = await person("Rita Reporter");
    const t = await pressConference(reporter);
    await splitSpeaker(reporter, t.id, t.question, [{ segmentId: t.segmentIds[1]!, speaker: { id: t.duplicate } }]);
    expect((await speakerOf(t.id))[1]).toBe(t.duplicate);
    expect(await db.speaker.count({ where: { transcriptId: t.id } })).toBe(3);
  });

  it("refuses paragraphs the speaker did not speak, and changes nothing", async () => {
    const reporter = await person("Rita Reporter");
    const t = await pressConference(reporter);
    await expectAppError(
      splitSpeaker(reporter, t.id, t.question, [
        { segmentId: t.segmentIds[1]!, speaker: { name: "Anna Novak" } },
        { segmentId: t.segmentIds[0]!, speaker: { name: "Ben Okafor" } },
      ]),
      "UNPROCESSABLE",
    );
    expect(await db.speaker.count({ where: { transcriptId: t.id } })).toBe(3);
    expect((await speakerOf(t.id))[1]).toBe(t.question);
  });
});

describe("a speaker's paragraphs across a long transcript", () => {
  /** 1,500 paragraphs: "Question" asks at 10, 1,200 and 1,450 (1-based); Chair and Witness take turns otherwise. */
  async function hearing(owner: TestUser) {
    const questions = [9, FIRST_PAGE + 199, FIRST_PAGE + 449];
    const t = await makeLongTranscript(owner, FIRST_PAGE + 500, {
      text: (index) => `Statement ${index + 1}.`,
      speaker: (index) => (questions.includes(index) ? "Question" : index % 2 ? "Witness" : "Chair"),
      speakers: ["Chair", "Witness", "Question"],
    });
    const [chair, witness, question] = t.speakerIds as [string, string, string];
    return { ...t, chair, witness, question, questions };
  }

  it("lists them from the whole transcript, not only the editor's first page, numbered as the editor numbers them", async () => {
    const reporter = await person("Rita Reporter");
    const t = await hearing(reporter);
    const listed = await listSpeakerParagraphs(reporter, t.id, t.question, { from: 0, take: 100 });
    expect(listed.total).toBe(3);
    expect(listed.speaker.name).toBe("Question");
    expect(listed.segments.map((segment) => [segment.id, segment.position, segment.text])).toEqual(
      t.questions.map((index) => [t.segmentIds[index], index, `Statement ${index + 1}.`]),
    );
  });

  it("pages through a speaker with many paragraphs, leaving out deleted ones and numbering the rest live", async () => {
    const reporter = await person("Rita Reporter");
    const t = await hearing(reporter);
    await deleteSegment(reporter, t.id, t.segmentIds[0]!, 1);
    const first = await listSpeakerParagraphs(reporter, t.id, t.chair, { from: 0, take: 500 });
    const second = await listSpeakerParagraphs(reporter, t.id, t.chair, { from: 500, take: 500 });
    // The chair speaks at the 750 even indexes (the questions are at odd ones); the first of them was deleted.
    expect(first.total).toBe(749);
    expect(first.segments).toHaveLength(500);
    expect(second.segments).toHaveLength(249);
    const all = [...first.segments, ...second.segments];
    expect(new Set(all.map((segment) => segment.id)).size).toBe(749);
    expect(all[0]).toMatchObject({ id: t.segmentIds[2], position: 1 });
    expect(all.at(-1)).toMatchObject({ id: t.segmentIds[FIRST_PAGE + 498], position: FIRST_PAGE + 497 });
  });

  it("splits a paragraph past the first page from the speaker, and refuses a stranger's request as missing", async () => {
    const reporter = await person("Rita Reporter");
    const stranger = await person("Sam Stranger");
    const t = await hearing(reporter);
    const far = t.segmentIds[FIRST_PAGE + 449]!;
    await splitSpeaker(reporter, t.id, t.question, [
      { segmentId: far, speaker: { name: "Ana Ribeiro", outlet: "Público" } },
    ]);
    const listed = await listSpeakerParagraphs(reporter, t.id, t.question, { from: 0, take: 100 });
    expect(listed.segments.map((segment) => segment.id)).not.toContain(far);
    expect(listed.total).toBe(2);
    await expectAppError(listSpeakerParagraphs(stranger, t.id, t.question, { from: 0, take: 100 }), "NOT_FOUND");
    await expectAppError(listSpeakerParagraphs(reporter, t.id, "no-such-speaker", { from: 0, take: 100 }), "NOT_FOUND");
  });
});
