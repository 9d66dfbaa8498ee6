// One shape for the working copy's rows whichever path wrote them: the ingestion worker's plain-SQL draft insert
// (lib/transcripts/store-draft.ts) and the editor's Prisma writes (lib/editor/*) both build them with
// lib/transcripts/rows.ts. Here the same transcript is made both ways, a whole upload against a one-paragraph upload
// finished in the editor, and the stored rows are compared.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addSpeaker } from "@/lib/editor/speakers";
import { insertSegment } from "@/lib/editor/segments";
import { countWords } from "@/lib/format/text";
import { createTestUser } from "@/lib/test/factories";
import { createDraftFromUpload } from "@/lib/transcripts/create-draft";
import { loadWorkingCopy } from "@/lib/transcripts/working-copy";
import { wordCountDelta } from "@/lib/transcripts/rows";

// A briefing as a newsroom pastes it: speaker labels in capitals, names repeated (each mention must be found again),
// numbers, an em dash, accents and an emoji (UTF-16 offsets).
const PARAGRAPHS = [
  "MODERATOR: Good morning. The Secretary General Jens Stoltenberg will speak about NATO and Kosovo first.",
  "JENS STOLTENBERG: Thank you. NATO stands with Kosovo, and NATO allies met in Brussels on 14 February 2019.",
  "MODERATOR: Questions, please. Reuters first — then the naïve café question 😀 from the back.",
  "JENS STOLTENBERG: Kosovo remains important to NATO. I met the Kosovo leaders in Brussels 3 times, 100% of them.",
];

const upload = (userId: string, paragraphs: string[], filename: string) =>
  createDraftFromUpload({
    userId,
    input: { bytes: new TextEncoder().encode(`${paragraphs.join("\n\n")}\n`), filename },
    title: "Briefing on Kosovo",
  });

async function rowsOf(transcriptId: string) {
  const transcript = await db.transcript.findUniqueOrThrow({
    where: { id: transcriptId },
    select: {
      wordCount: true,
      speakers: {
        orderBy: { position: "asc" },
        select: { id: true, name: true, title: true, role: true, outlet: true },
      },
      segments: {
        where: { deletedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, text: true, speakerId: true, startMs: true, endMs: true, version: true },
      },
      entities: {
        select: {
          entityId: true,
          mentionCount: true,
          mentions: { select: { segmentId: true, start: true, end: true, status: true } },
        },
      },
      revisions: { orderBy: { number: "asc" }, select: { number: true, action: true, changes: true } },
    },
  });
  const index = new Map(transcript.segments.map((segment, position) => [segment.id, position]));
  const speakerName = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.name]));
  return {
    wordCount: transcript.wordCount,
    speakers: transcript.speakers
      .filter((speaker) => transcript.segments.some((segment) => segment.speakerId === speaker.id))
      .map(({ name, title, role, outlet }) => ({ name, title, role, outlet })),
    segments: transcript.segments.map(({ text, speakerId, startMs, endMs }) => ({
      speaker: speakerId ? speakerName.get(speakerId) : null,
      text,
      startMs,
      endMs,
    })),
    entities: new Map(
      transcript.entities.map((link) => [
        link.entityId,
        {
          mentionCount: link.mentionCount,
          mentions: link.mentions
            .map((mention) => ({ ...mention, segmentId: index.get(mention.segmentId) }))
            .sort((a, b) => a.segmentId! - b.segmentId! || a.start - b.start),
        },
      ]),
    ),
    revisions: transcript.revisions,
  };
}

describe("the working copy's rows", () => {
  it("are the same whether a draft came whole from an upload or was finished paragraph by paragraph in the editor", async () => {
    const reporter = await createTestUser();
    const whole = await upload(reporter.id, PARAGRAPHS, "briefing.txt");
    const started = await upload(reporter.id, PARAGRAPHS.slice(0, 1), "briefing-start.txt");
    const expected = await rowsOf(whole.id);
    expect(expected.segments).toHaveLength(4);

    // Finish the second draft as a reporter would: add the speaker it lacks, then each paragraph after the last.
    const have = new Set((await rowsOf(started.id)).speakers.map((speaker) => speaker.name));
    for (const speaker of expected.speakers) {
      if (have.has(speaker.name)) continue;
      await addSpeaker(reporter, started.id, {
        name: speaker.name,
        title: speaker.title,
        outlet: speaker.outlet,
        role: speaker.role ? (speaker.role.toLowerCase() as "moderator") : null,
      });
    }
    const speakerIds = new Map(
      (await db.speaker.findMany({ where: { transcriptId: started.id } })).map((speaker) => [speaker.name, speaker.id]),
    );
    for (const segment of expected.segments.slice(1)) {
      const last = await db.segment.findFirstOrThrow({
        where: { transcriptId: started.id, deletedAt: null },
        orderBy: { position: "desc" },
      });
      await insertSegment(reporter, started.id, {
        afterSegmentId: last.id,
        text: segment.text,
        speakerId: segment.speaker ? speakerIds.get(segment.speaker)! : null,
        startMs: segment.startMs,
      });
    }
    const actual = await rowsOf(started.id);

    expect(actual.segments).toEqual(expected.segments);
    expect(actual.speakers).toEqual(expected.speakers);
    // One word count, whichever way the words arrived, and the one a publication would print.
    const counted = expected.segments.reduce((total, segment) => total + countWords(segment.text), 0);
    expect(expected.wordCount).toBe(counted);
    expect(actual.wordCount).toBe(counted);
    expect((await loadWorkingCopy(db, started.id, { includeNotes: false })).wordCount).toBe(counted);
    // The mentions of every entity both drafts know, at the same places, counted the same.
    const shared = [...expected.entities.keys()].filter((id) => actual.entities.has(id));
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const id of shared) expect(actual.entities.get(id)).toEqual(expected.entities.get(id));
    // Revision 1 is the upload in both; every editor change after it is one more revision, in the same JSON shape.
    expect(expected.revisions).toEqual([{ number: 1, action: "transcript.created", changes: "[]" }]);
    expect(actual.revisions.map((revision) => revision.action)).toEqual([
      "transcript.created",
      ...(actual.revisions.some((revision) => revision.action === "speaker.add") ? ["speaker.add"] : []),
      "segment.insert",
      "segment.insert",
      "segment.insert",
    ]);
    for (const revision of actual.revisions) expect(Array.isArray(JSON.parse(revision.changes))).toBe(true);
  });

  it("keep the word count with the live paragraphs through edits, deletions and restores", () => {
    const paragraph = (text: string, deletedAt: string | null = null) => ({ text, deletedAt, position: 0 });
    const change = (before: Record<string, unknown> | null, after: Record<string, unknown> | null) => ({
      type: "segment" as const,
      id: "s",
      before,
      after,
    });
    expect(wordCountDelta([change(null, paragraph("Three new words"))])).toBe(3);
    expect(wordCountDelta([change(paragraph("one two"), paragraph("one two three — 4"))])).toBe(2);
    expect(
      wordCountDelta([change(paragraph("gone for good"), paragraph("gone for good", "2026-12-07T00:00:00Z"))]),
    ).toBe(-3);
    expect(wordCountDelta([change(paragraph("back", "2026-12-07T00:00:00Z"), paragraph("back"))])).toBe(1);
    // Annotations and speakers carry no words of the transcript.
    expect(wordCountDelta([{ type: "annotation", id: "a", before: null, after: { text: "x y" } }])).toBe(0);
  });
});
