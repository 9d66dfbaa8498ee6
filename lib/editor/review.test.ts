import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation, updateAnnotation } from "@/lib/editor/annotations";
import { mergeEntity, tagEntity } from "@/lib/editor/entities";
import { heartbeat } from "@/lib/editor/presence";
import { loadEditorBootstrap } from "@/lib/editor/queries";
import {
  annotationCandidates,
  deleteMention,
  listMentionsNeedingReview,
  mentionCandidates,
  reattachMention,
} from "@/lib/editor/review";
import { editSegment, mergeIntoPrevious, splitSegment } from "@/lib/editor/segments";
import { expectAppError, makeTranscript, person, rangeOf } from "@/lib/editor/test-support";

const BEFORE = "We’ve heard the question before, and we’ve answered it before.";
const AFTER = "We’ve heard the question, and we’ve answered it before.";

describe("candidates for an annotation that needs review", () => {
  it("offer the other copy of its words for a person to confirm, never attaching it themselves", async () => {
    const reporter = await person("Rita Reporter");
    const transcript = await makeTranscript(reporter, ["Good morning.", BEFORE, "Thank you."]);
    const segmentId = transcript.segmentIds[1] as string;
    const { annotation } = await createAnnotation(reporter, transcript.id, {
      segmentId,
      ...rangeOf(BEFORE, "before"),
      kind: "factcheck",
      verdict: "false",
      body: "They had not.",
    });
    await editSegment(reporter, transcript.id, segmentId, { text: AFTER, baseVersion: 1 });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    expect(row).toMatchObject({ status: "NEEDS_REVIEW", reviewReason: "deleted", exact: "before" });

    const { candidates } = await annotationCandidates(reporter, transcript.id, annotation.id);
    expect(candidates[0]).toMatchObject({
      segmentId,
      paragraph: 2,
      ...rangeOf(AFTER, "before"),
      exact: "before",
      before: AFTER.slice(AFTER.lastIndexOf("before") - 40, AFTER.lastIndexOf("before")),
      after: ".",
    });
    // Looking did not attach it.
    expect(await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).toMatchObject({
      status: "NEEDS_REVIEW",
    });
    // One click re-attaches it where the person chose.
    const { annotation: reattached } = await updateAnnotation(reporter, transcript.id, annotation.id, {
      segmentId,
      start: candidates[0]!.start,
      end: candidates[0]!.end,
    });
    expect(reattached).toMatchObject({ status: "anchored", reviewReason: null, quote: { exact: "before" } });
  });

  it("search the paragraphs around it and any paragraph holding the words, ranking its own first", async () => {
    const reporter = await person("Rita Reporter");
    const paragraphs = ["The committee meets at 10:30 on Friday.", "Questions, please.", "Next."];
    const transcript = await makeTranscript(reporter, paragraphs);
    const [first, second] = transcript.segmentIds as [string, string];
    const { annotation } = await createAnnotation(reporter, transcript.id, {
      segmentId: first,
      ...rangeOf(paragraphs[0]!, "meets at 10:30"),
      kind: "note",
      body: "Check the time.",
    });
    // The sentence is cut from the first paragraph and pasted, retyped, into the second.
    await editSegment(reporter, transcript.id, first, { text: "The committee", baseVersion: 1 });
    await editSegment(reporter, transcript.id, second, {
      text: "Questions, please. It meets at 10.30 on Friday.",
      baseVersion: 1,
    });
    const { candidates } = await annotationCandidates(reporter, transcript.id, annotation.id);
    expect(candidates[0]).toMatchObject({
      segmentId: second,
      paragraph: 2,
      exact: "meets at 10.30",
      score: expect.any(Number),
    });
  });

  it("are not shown to someone the transcript is not shared with", async () => {
    const reporter = await person("Rita Reporter");
    const stranger = await person("Sam Stranger");
    const transcript = await makeTranscript(reporter, [BEFORE]);
    const { annotation } = await createAnnotation(reporter, transcript.id, {
      segmentId: transcript.segmentIds[0] as string,
      ...rangeOf(BEFORE, "before"),
      kind: "note",
      body: "Private.",
    });
    await expectAppError(annotationCandidates(stranger, transcript.id, annotation.id), "NOT_FOUND");
  });
});

const STOLTENBERG = "Jens Stoltenberg opened the meeting. Later Stoltenberg said the alliance is strong.";

/** A transcript where "Stoltenberg" (an alias) was merged into "Jens Stoltenberg": a mention the matcher cannot find. */
async function aliasTranscript() {
  const reporter = await person("Rita Reporter");
  const transcript = await makeTranscript(reporter, [STOLTENBERG, "Questions follow."]);
  const { entity: full } = await tagEntity(reporter, transcript.id, { type: "person", name: "Jens Stoltenberg" });
  const { entity: alias } = await tagEntity(reporter, transcript.id, { type: "person", name: "Stoltenberg" });
  await mergeEntity(reporter, transcript.id, alias.id, full.id);
  const mentions = await db.mention.findMany({ where: { transcriptEntityId: full.id }, orderBy: { start: "asc" } });
  expect(mentions.map((mention) => STOLTENBERG.slice(mention.start, mention.end))).toEqual([
    "Jens Stoltenberg",
    "Stoltenberg",
  ]);
  return { reporter, transcript, full, aliasMention: mentions[1]! };
}

const countOf = async (linkId: string) =>
  (await db.transcriptEntity.findUniqueOrThrow({ where: { id: linkId } })).mentionCount;

describe("entity mentions under the same rule", () => {
  it("an alias whose sentence was moved and edited waits for review, uncounted, with candidates", async () => {
    const { reporter, transcript, full, aliasMention } = await aliasTranscript();
    const segmentId = transcript.segmentIds[0] as string;
    const moved = "Later Stoltenberg said the alliance is strong, he added. Jens Stoltenberg opened the meeting.";
    await editSegment(reporter, transcript.id, segmentId, { text: moved, baseVersion: 1 });

    const row = await db.mention.findUniqueOrThrow({ where: { id: aliasMention.id } });
    expect(row).toMatchObject({ status: "NEEDS_REVIEW", reviewReason: "moved", exact: "Stoltenberg" });
    expect(row.suffix).toBe(" said the alliance is strong.");
    // The full name is found again where it now is; the alias is not counted until a person decides.
    expect(await countOf(full.id)).toBe(1);
    const listed = await listMentionsNeedingReview(db, transcript.id);
    expect(listed).toEqual([
      {
        id: aliasMention.id,
        segmentId,
        entity: { id: full.id, name: "Jens Stoltenberg", type: "person" },
        quote: { exact: "Stoltenberg", prefix: row.prefix, suffix: row.suffix },
        reviewReason: "moved",
      },
    ]);
    const bootstrap = await loadEditorBootstrap({ ...reporter, name: reporter.name }, transcript.id);
    expect(bootstrap?.mentionsNeedingReview.map((mention) => mention.id)).toEqual([aliasMention.id]);

    const { candidates } = await mentionCandidates(reporter, transcript.id, aliasMention.id);
    expect(candidates[0]).toMatchObject({ segmentId, ...rangeOf(moved, "Stoltenberg", 0), exact: "Stoltenberg" });

    const { entity, mention } = await reattachMention(reporter, transcript.id, aliasMention.id, {
      segmentId,
      ...rangeOf(moved, "Stoltenberg", 0),
    });
    expect(mention.exact).toBe("Stoltenberg");
    expect(entity.mentionCount).toBe(2);
    expect(await db.mention.findUniqueOrThrow({ where: { id: aliasMention.id } })).toMatchObject({
      status: "ANCHORED",
      reviewReason: null,
      exact: null,
    });
    expect(await listMentionsNeedingReview(db, transcript.id)).toEqual([]);
  });

  it("an alias whose words were deleted is removed, and a name that moved is found where it is", async () => {
    const { reporter, transcript, full, aliasMention } = await aliasTranscript();
    const segmentId = transcript.segmentIds[0] as string;
    await editSegment(reporter, transcript.id, segmentId, {
      text: "Later the alliance was called strong. Jens Stoltenberg opened the meeting.",
      baseVersion: 1,
    });
    expect(await db.mention.findUnique({ where: { id: aliasMention.id } })).toBeNull();
    const mentions = await db.mention.findMany({ where: { transcriptEntityId: full.id } });
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ status: "ANCHORED", start: 38 });
    expect(await countOf(full.id)).toBe(1);
  });

  it("an alias follows its words through a split and a merge", async () => {
    const { reporter, transcript, full, aliasMention } = await aliasTranscript();
    const segmentId = transcript.segmentIds[0] as string;
    const at = STOLTENBERG.indexOf("Later");
    const split = await splitSegment(reporter, transcript.id, segmentId, { offset: at, baseVersion: 1 });
    const second = split.segments[1]!;
    expect(await db.mention.findUniqueOrThrow({ where: { id: aliasMention.id } })).toMatchObject({
      status: "ANCHORED",
      segmentId: second.id,
      start: "Later ".length,
    });
    await mergeIntoPrevious(reporter, transcript.id, second.id, {
      baseVersion: second.version,
      previousBaseVersion: split.segments[0]!.version,
    });
    expect(await db.mention.findUniqueOrThrow({ where: { id: aliasMention.id } })).toMatchObject({
      status: "ANCHORED",
      segmentId,
      start: STOLTENBERG.indexOf("Stoltenberg said"),
    });
    expect(await countOf(full.id)).toBe(2);
  });

  it("reach an open editor through the heartbeat, and can be deleted", async () => {
    const { reporter, transcript, full, aliasMention } = await aliasTranscript();
    const segmentId = transcript.segmentIds[0] as string;
    const revision = (await db.transcript.findUniqueOrThrow({ where: { id: transcript.id } })).revision;
    await editSegment(reporter, transcript.id, segmentId, {
      text: "Stoltenberg said the alliance is strong, later. Jens Stoltenberg opened the meeting.",
      baseVersion: 1,
    });
    const beat = await heartbeat(reporter, transcript.id, {
      clientId: "tab",
      segmentId: null,
      sinceRevision: revision,
    });
    expect(beat.changes?.mentionsNeedingReview.map((mention) => mention.id)).toEqual([aliasMention.id]);

    const stranger = await person("Sam Stranger");
    await expectAppError(deleteMention(stranger, transcript.id, aliasMention.id), "NOT_FOUND");
    const { entity } = await deleteMention(reporter, transcript.id, aliasMention.id);
    expect(entity).toMatchObject({ id: full.id, mentionCount: 1 });
    expect(await db.mention.findUnique({ where: { id: aliasMention.id } })).toBeNull();
  });

  it("refuses a re-attachment outside the paragraph's text", async () => {
    const { reporter, transcript, aliasMention } = await aliasTranscript();
    const segmentId = transcript.segmentIds[1] as string;
    await expectAppError(
      reattachMention(reporter, transcript.id, aliasMention.id, { segmentId, start: 5, end: 500 }),
      "UNPROCESSABLE",
    );
  });
});
