import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mergeEntity, setEntityStatus, tagEntity } from "@/lib/editor/entities";
import { loadEditorBootstrap } from "@/lib/editor/queries";
import { editSegment } from "@/lib/editor/segments";
import {
  expectAppError,
  expectMentionsConsistent,
  makeTranscript,
  person,
  rangeOf,
  revisionNumbers,
} from "@/lib/editor/test-support";

const FIRST = "Jens Stoltenberg opened the meeting. Stoltenberg said NATO’s allies agree.";
const SECOND = "The NATOland theme park is not NATO. Stoltenberg left; natO is a typo.";

async function mentionsOf(linkId: string) {
  const rows = await db.mention.findMany({
    where: { transcriptEntityId: linkId },
    orderBy: [{ segment: { position: "asc" } }, { start: "asc" }],
    select: { start: true, end: true, segment: { select: { text: true } } },
  });
  return rows.map((row) => row.segment.text.slice(row.start, row.end) + "@" + row.start);
}

describe("tagging an entity", () => {
  it("reuses one shared Entity row for the same type and name across transcripts", async () => {
    const reporter = await person("Rita Reporter");
    const one = await makeTranscript(reporter, [FIRST]);
    const two = await makeTranscript(reporter, [SECOND]);
    const a = await tagEntity(reporter, one.id, { type: "org", name: "NATO" });
    const b = await tagEntity(reporter, two.id, { type: "org", name: " NATO " });
    expect(a.entity.entityId).toBe(b.entity.entityId);
    expect(a.entity.id).not.toBe(b.entity.id);
    expect(await db.entity.count({ where: { type: "ORG", name: "NATO" } })).toBe(1);
    // Another type with the same name is another entity.
    const place = await tagEntity(reporter, one.id, { type: "place", name: "NATO" });
    expect(place.entity.entityId).not.toBe(a.entity.entityId);
  });

  it("finds every whole-word occurrence in the live paragraphs as Mention rows and counts them", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [FIRST, SECOND, "NATO, deleted."]);
    await db.segment.update({ where: { id: transcript.segmentIds[2]! }, data: { deletedAt: new Date() } });
    const { entity } = await tagEntity(reporter, transcript.id, { type: "org", name: "NATO" });
    expect(entity).toMatchObject({ name: "NATO", type: "org", status: "accepted", mentionCount: 2 });
    expect(await mentionsOf(entity.id)).toEqual([`NATO@${FIRST.indexOf("NATO")}`, `NATO@${SECOND.indexOf("NATO.")}`]);
    expect(await revisionNumbers(transcript.id)).toEqual([1, 2]);
  });

  it("tags a selection, taking the name from the selected words", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [FIRST, SECOND]);
    const { entity } = await tagEntity(reporter, transcript.id, {
      type: "person",
      name: "",
      segmentId: transcript.segmentIds[0]!,
      ...rangeOf(FIRST, "Jens Stoltenberg"),
    });
    expect(entity).toMatchObject({ name: "Jens Stoltenberg", type: "person", mentionCount: 1 });
    await expectAppError(
      tagEntity(reporter, transcript.id, {
        type: "person",
        name: "",
        segmentId: transcript.segmentIds[0]!,
        start: 3,
        end: 3,
      }),
      "UNPROCESSABLE",
    );
  });

  it("does not count the same occurrence twice when a name is tagged again", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [FIRST, SECOND]);
    await tagEntity(reporter, transcript.id, { type: "org", name: "NATO" });
    const { entity } = await tagEntity(reporter, transcript.id, { type: "org", name: "NATO" });
    expect(entity.mentionCount).toBe(2);
    await expectMentionsConsistent(transcript.id);
  });
});

describe("an entity's status", () => {
  it("rejected: later edits add no mentions of it; accepted again: they do", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [FIRST]);
    const [segmentId] = transcript.segmentIds as [string];
    const { entity } = await tagEntity(reporter, transcript.id, { type: "org", name: "NATO" });
    const rejected = await setEntityStatus(reporter, transcript.id, entity.id, "rejected");
    expect(rejected.entity.status).toBe("rejected");

    await editSegment(reporter, transcript.id, segmentId, { text: `${FIRST} NATO again.`, baseVersion: 1 });
    expect(await mentionsOf(entity.id)).toHaveLength(1);
    await setEntityStatus(reporter, transcript.id, entity.id, "accepted");
    await editSegment(reporter, transcript.id, segmentId, { text: `${FIRST} NATO again, NATO.`, baseVersion: 2 });
    expect(await mentionsOf(entity.id)).toHaveLength(3);
    await expectMentionsConsistent(transcript.id);
  });
});

describe("merging two entities", () => {
  it("moves the mentions to the other entity, recounts both and rejects the merged one", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [FIRST, SECOND]);
    const { entity: short } = await tagEntity(reporter, transcript.id, { type: "person", name: "Stoltenberg" });
    const { entity: full } = await tagEntity(reporter, transcript.id, { type: "person", name: "Jens Stoltenberg" });
    // "Stoltenberg" inside "Jens Stoltenberg" counts too: a name is matched wherever it stands as whole words.
    expect([short.mentionCount, full.mentionCount]).toEqual([3, 1]);

    // The "Stoltenberg" inside "Jens Stoltenberg" is not a second mention of him.
    const { entities } = await mergeEntity(reporter, transcript.id, short.id, full.id);
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    expect(byId.get(full.id)).toMatchObject({ mentionCount: 3, status: "accepted" });
    expect(await mentionsOf(full.id)).toEqual([
      "Jens Stoltenberg@0",
      `Stoltenberg@${FIRST.indexOf("Stoltenberg said")}`,
      `Stoltenberg@${SECOND.indexOf("Stoltenberg")}`,
    ]);
    expect(byId.get(short.id)).toMatchObject({ mentionCount: 0, status: "rejected" });
    const rows = await db.transcriptEntity.findMany({
      where: { transcriptId: transcript.id },
      select: { id: true, mentionCount: true, _count: { select: { mentions: true } } },
    });
    for (const row of rows) expect(row.mentionCount).toBe(row._count.mentions);
  });

  it("refuses to merge an entity into itself", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [FIRST]);
    const { entity } = await tagEntity(reporter, transcript.id, { type: "org", name: "NATO" });
    await expectAppError(mergeEntity(reporter, transcript.id, entity.id, entity.id), "UNPROCESSABLE");
    expect(await mentionsOf(entity.id)).toHaveLength(1);
  });
});

describe("suggestions on the desk", () => {
  it("are not listed once their words are edited away, and come back with them", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, [FIRST]);
    const segmentId = transcript.segmentIds[0]!;
    const { entity } = await tagEntity(reporter, transcript.id, { type: "org", name: "NATO" });
    await setEntityStatus(reporter, transcript.id, entity.id, "suggested");
    const listed = async () =>
      (await loadEditorBootstrap({ ...reporter, name: reporter.name }, transcript.id))?.entities.map(
        (listedEntity) => `${listedEntity.name}×${listedEntity.mentionCount}`,
      );
    expect(await listed()).toEqual(["NATO×1"]);

    await editSegment(reporter, transcript.id, segmentId, { text: "Jens Stoltenberg opened.", baseVersion: 1 });
    expect(await listed()).toEqual([]);
    await editSegment(reporter, transcript.id, segmentId, { text: "NATO opened.", baseVersion: 2 });
    expect(await listed()).toEqual(["NATO×1"]);
  });
});
