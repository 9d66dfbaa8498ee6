import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { editSegment } from "@/lib/editor/segments";
import { expectAppError, makeTranscript, person } from "@/lib/editor/test-support";
import type { LiveCue } from "@/lib/live/cues";
import { feedLiveCues, startLiveTranscript } from "@/lib/live/feed";
import { MAX_CUES_PER_REQUEST } from "@/lib/live/feed-limits";

function cue(text: string, extra: Partial<LiveCue> = {}): LiveCue {
  return { speaker: null, text, startMs: null, endMs: null, final: true, ...extra };
}

async function paragraphs(transcriptId: string) {
  const rows = await db.segment.findMany({
    where: { transcriptId, deletedAt: null },
    orderBy: { position: "asc" },
    select: { text: true, speaker: { select: { name: true } }, startMs: true, endMs: true },
  });
  return rows.map((row) => ({
    speaker: row.speaker?.name ?? null,
    text: row.text,
    startMs: row.startMs,
    endMs: row.endMs,
  }));
}

describe("a live transcript", () => {
  it("starts as the caller's machine-transcript draft, with its speakers, a first revision and an audit entry", async () => {
    const reporter = await person("Lena Live");
    const { id, slug } = await startLiveTranscript(reporter, {
      title: "State of the Union 2027",
      occurredAt: "2027-02-02",
      place: "Washington",
      speakers: ["The President", "The President", " Speaker "],
    });
    expect(slug).toMatch(/^state-of-the-union-2027/);
    const row = await db.transcript.findUniqueOrThrow({
      where: { id },
      select: {
        status: true,
        fidelity: true,
        createdById: true,
        liveSince: true,
        place: true,
        speakers: { orderBy: { position: "asc" }, select: { name: true } },
        revisions: { select: { number: true, action: true } },
      },
    });
    expect(row).toMatchObject({ status: "DRAFT", fidelity: "MACHINE", createdById: reporter.id, place: "Washington" });
    expect(row.liveSince).toBeInstanceOf(Date);
    expect(row.speakers.map((speaker) => speaker.name)).toEqual(["The President", "Speaker"]);
    expect(row.revisions).toEqual([{ number: 1, action: "transcript.created" }]);
    const audit = await db.auditEvent.findFirst({ where: { targetId: id }, select: { action: true, actorId: true } });
    expect(audit).toEqual({ action: "transcript.created", actorId: reporter.id });
    await expectAppError(startLiveTranscript(reporter, { title: "  " }), "BAD_REQUEST");
  });

  it("joins final cues into paragraphs, keeps guesses out of them, and records each batch as one revision", async () => {
    const reporter = await person("Lena Live");
    const { id } = await startLiveTranscript(reporter, { title: "Budget briefing", speakers: ["Holm"] });
    const first = await feedLiveCues(reporter, id, [
      cue("Good morning.", { speaker: "Holm", startMs: 0, endMs: 1_000 }),
      cue("the quo", { final: false }),
    ]);
    expect(first.segments.map((segment) => segment.text)).toEqual(["Good morning."]);
    const second = await feedLiveCues(reporter, id, [
      cue("The quota rises by 2 percent.", { startMs: 2_500, endMs: 4_000 }),
      cue("Thank you, minister.", { speaker: "Okonkwo", startMs: 5_000, endMs: 6_000 }),
      cue("will the fl", { final: false }),
    ]);
    expect(second.segments.map((segment) => [segment.position, segment.text])).toEqual([
      [0, "Good morning. The quota rises by 2 percent."],
      [1, "Thank you, minister."],
    ]);
    expect(await paragraphs(id)).toEqual([
      { speaker: "Holm", text: "Good morning. The quota rises by 2 percent.", startMs: 0, endMs: 4_000 },
      { speaker: "Okonkwo", text: "Thank you, minister.", startMs: 5_000, endMs: 6_000 },
    ]);
    // The guess is kept for the desk, never as a paragraph.
    const { liveFeed, wordCount, revision } = await db.transcript.findUniqueOrThrow({
      where: { id },
      select: { liveFeed: true, wordCount: true, revision: true },
    });
    expect(JSON.parse(liveFeed!)).toMatchObject({ tail: { text: "will the fl", final: false } });
    expect(wordCount).toBe(11);
    expect(revision).toBe(3);
    const revisions = await db.revision.findMany({ where: { transcriptId: id, action: "live.cues" } });
    expect(revisions).toHaveLength(2);
  });

  it("never writes over a person's edit: once someone saves the paragraph, the feed starts a new one", async () => {
    const reporter = await person("Lena Live");
    const editor = await person("Edda Editor", "EDITOR");
    const { id } = await startLiveTranscript(reporter, { title: "Hearing" });
    const { segments } = await feedLiveCues(reporter, id, [cue("Senator Smith asked about", { speaker: "Chair" })]);
    const [segment] = segments;
    await editSegment(editor, id, segment!.id, { text: "Senator Smyth asked about", baseVersion: segment!.version });
    await feedLiveCues(reporter, id, [cue("the budget.", { speaker: "Chair" })]);
    expect((await paragraphs(id)).map((paragraph) => paragraph.text)).toEqual([
      "Senator Smyth asked about",
      "the budget.",
    ]);
  });

  it("loses no word when requests of the feed arrive at once (they meet on PostgreSQL)", async () => {
    const reporter = await person("Lena Live");
    const { id } = await startLiveTranscript(reporter, { title: "Busy feed" });
    await feedLiveCues(reporter, id, [cue("zero", { speaker: "Chair" })]);
    const words = ["one", "two", "three", "four", "five", "six"];
    await Promise.all(words.map((word) => feedLiveCues(reporter, id, [cue(word, { speaker: "Chair" })])));
    const text = (await paragraphs(id)).map((paragraph) => paragraph.text).join(" ");
    // Every word once, whatever order the requests were joined in.
    expect(text.split(" ").sort()).toEqual(["zero", ...words].sort());
    expect(text.split(" ")[0]).toBe("zero");
  });

  it("refuses a transcript that is not live, a stranger, and too many cues at once", async () => {
    const reporter = await person("Lena Live");
    const stranger = await person("Sam Stranger");
    const upload = await makeTranscript(reporter, ["An uploaded transcript."]);
    const notLive = await expectAppError(feedLiveCues(reporter, upload.id, [cue("Hello.")]), "CONFLICT");
    expect(notLive.message).toContain("not live");
    const { id } = await startLiveTranscript(reporter, { title: "Briefing" });
    await expectAppError(feedLiveCues(stranger, id, [cue("Hello.")]), "NOT_FOUND");
    const flood = Array.from({ length: MAX_CUES_PER_REQUEST + 1 }, () => cue("word"));
    await expectAppError(feedLiveCues(reporter, id, flood), "TOO_LARGE");
    expect(await paragraphs(id)).toEqual([]);
  });
});
