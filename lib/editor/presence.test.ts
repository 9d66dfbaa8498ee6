import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation, deleteAnnotation } from "@/lib/editor/annotations";
import { heartbeat, PRESENCE_TTL_MS } from "@/lib/editor/presence";
import { deleteSegment, editSegment, insertSegment } from "@/lib/editor/segments";
import { shareWith } from "@/lib/editor/shares";
import { updateSpeaker } from "@/lib/editor/speakers";
import { makeTranscript, person } from "@/lib/editor/test-support";

async function setUp() {
  const owner = await person("Olga Owner");
  const colleague = await person("Colin Colleague");
  const t = await makeTranscript(
    owner,
    [
      { text: "Good afternoon.", speaker: "Jens Stoltenberg" },
      { text: "What about Kosovo?", speaker: "Question" },
      { text: "We discussed KFOR.", speaker: "Jens Stoltenberg" },
    ],
    { speakers: ["Jens Stoltenberg", "Question"] },
  );
  await shareWith(owner, t.id, colleague.email);
  return { owner, colleague, t };
}

describe("the presence heartbeat", () => {
  it("shows each person the others with the paragraph they are in, never themselves", async () => {
    const { owner, colleague, t } = await setUp();
    const [first, second] = t.segmentIds as [string, string];
    const alone = await heartbeat(owner, t.id, { clientId: "owner-tab", segmentId: first, sinceRevision: 1 });
    expect(alone.people).toEqual([]);

    const seenByColleague = await heartbeat(colleague, t.id, {
      clientId: "colleague-tab",
      segmentId: second,
      sinceRevision: 1,
    });
    expect(seenByColleague.people).toEqual([{ userId: owner.id, name: "Olga Owner", segmentId: first }]);
    const seenByOwner = await heartbeat(owner, t.id, { clientId: "owner-tab", segmentId: null, sinceRevision: 1 });
    expect(seenByOwner.people).toEqual([{ userId: colleague.id, name: "Colin Colleague", segmentId: second }]);
  });

  it("lists a person with two tabs open once, at the tab they used last", async () => {
    const { owner, colleague, t } = await setUp();
    const [first, , third] = t.segmentIds as [string, string, string];
    await db.presence.create({
      data: {
        transcriptId: t.id,
        userId: colleague.id,
        clientId: "tab-1",
        segmentId: first,
        seenAt: new Date(Date.now() - 5_000),
      },
    });
    await heartbeat(colleague, t.id, { clientId: "tab-2", segmentId: third, sinceRevision: 1 });
    const seen = await heartbeat(owner, t.id, { clientId: "owner-tab", segmentId: null, sinceRevision: 1 });
    expect(seen.people).toEqual([{ userId: colleague.id, name: "Colin Colleague", segmentId: third }]);
  });

  it("does not list someone whose last heartbeat is older than PRESENCE_TTL_MS", async () => {
    const { owner, colleague, t } = await setUp();
    await db.presence.create({
      data: {
        transcriptId: t.id,
        userId: colleague.id,
        clientId: "old-tab",
        segmentId: t.segmentIds[0]!,
        seenAt: new Date(Date.now() - PRESENCE_TTL_MS - 1_000),
      },
    });
    const seen = await heartbeat(owner, t.id, { clientId: "owner-tab", segmentId: null, sinceRevision: 1 });
    expect(seen.people).toEqual([]);
  });

  it("answers no changes when nothing was saved since the caller's revision", async () => {
    const { owner, t } = await setUp();
    const response = await heartbeat(owner, t.id, { clientId: "tab", segmentId: null, sinceRevision: 1 });
    expect(response.revision).toBe(1);
    expect(response.changes).toBeUndefined();
  });

  it("lists what changed since the caller's revision: edited and new paragraphs, deleted ids, speakers, annotations", async () => {
    const { owner, colleague, t } = await setUp();
    const [first, second, third] = t.segmentIds as [string, string, string];
    const [jens] = t.speakerIds as [string];
    await editSegment(owner, t.id, first, { text: "Good evening.", baseVersion: 1 });
    const since = 2;
    await editSegment(owner, t.id, third, { text: "We discussed KFOR at length.", baseVersion: 1 });
    const { segment: added } = await insertSegment(owner, t.id, { afterSegmentId: third, text: "Next question." });
    await deleteSegment(owner, t.id, second, 1);
    await updateSpeaker(owner, t.id, jens, { name: "NATO Secretary General" });
    const { annotation } = await createAnnotation(owner, t.id, {
      segmentId: third,
      start: 13,
      end: 17,
      kind: "note",
      body: "Kosovo Force.",
    });

    const response = await heartbeat(colleague, t.id, { clientId: "tab", segmentId: null, sinceRevision: since });
    expect(response.revision).toBe(7);
    const changes = response.changes!;
    expect(changes.segments.map((segment) => [segment.id, segment.text, segment.position])).toEqual([
      [third, "We discussed KFOR at length.", 1],
      [added.id, "Next question.", 2],
    ]);
    expect(changes.deletedSegmentIds).toEqual([second]);
    expect(changes.speakers.map((speaker) => [speaker.id, speaker.name])).toEqual([[jens, "NATO Secretary General"]]);
    expect(changes.annotations.map((entry) => entry.id)).toEqual([annotation.id]);
    expect(changes.deletedAnnotationIds).toEqual([]);

    await deleteAnnotation(owner, t.id, annotation.id);
    const later = await heartbeat(colleague, t.id, { clientId: "tab", segmentId: null, sinceRevision: 7 });
    expect(later.changes?.annotations).toEqual([]);
    expect(later.changes?.deletedAnnotationIds).toEqual([annotation.id]);
  });
});
