import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { approveAnnotation, createAnnotation, updateAnnotation } from "@/lib/editor/annotations";
import { paragraphEvent, recordLiveEvents } from "@/lib/editor/live-events";
import { editSegment } from "@/lib/editor/segments";
import { updateSpeaker } from "@/lib/editor/speakers";
import { expectAppError, person } from "@/lib/editor/test-support";
import { feedLiveCues, startLiveTranscript } from "@/lib/live/feed";
import type { LiveCue } from "@/lib/live/cues";
import { LiveHub, resumePoint, type LiveSubscriber } from "@/lib/live/hub";
import { loadLiveTranscript } from "@/lib/live/public";
import { transitionTranscript } from "@/lib/publishing/workflow";

function cue(fields: Partial<LiveCue> & { text: string }): LiveCue {
  return { speaker: null, startMs: null, endMs: null, final: true, ...fields };
}

interface Received {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** A reader's end of a stream: the bytes it was sent, read back as the events EventSource would dispatch. */
function reader() {
  const decoder = new TextDecoder();
  let text = "";
  let isClosed = false;
  const subscriber: LiveSubscriber = {
    write(chunk) {
      text += decoder.decode(chunk);
      return true;
    },
    close() {
      isClosed = true;
    },
  };
  return {
    subscriber,
    isClosed: () => isClosed,
    events(): Received[] {
      return text
        .split("\n\n")
        .filter((block) => block.includes("event: "))
        .map((block) => {
          const field = (name: string) =>
            block
              .split("\n")
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          return {
            id: Number(field("id")),
            event: field("event")!,
            data: JSON.parse(field("data")!) as Record<string, unknown>,
          };
        });
    },
  };
}

async function until<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function events(transcriptId: string) {
  const rows = await db.liveEvent.findMany({ where: { transcriptId }, orderBy: { seq: "asc" } });
  return rows.map((row) => ({ seq: row.seq, type: row.type, data: JSON.parse(row.data) as Record<string, unknown> }));
}

async function liveBriefing() {
  const editor = await person("Edda Editor", "EDITOR");
  const reporter = await person("Rafe Reporter");
  const { id, slug } = await startLiveTranscript(reporter, {
    title: `Flood briefing ${Math.random()}`,
    speakers: ["Holm"],
  });
  await db.transcriptShare.create({ data: { transcriptId: id, userId: editor.id } }).catch(() => undefined);
  await feedLiveCues(reporter, id, [
    cue({ speaker: "Holm", text: "Before we go live.", startMs: 0, endMs: 900, final: true }),
  ]);
  return { editor, reporter, id, slug };
}

const hubs: LiveHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.close();
});

describe("what a saved paragraph tells live readers", () => {
  const names = new Map([["s1", "Holm"]]);
  const state = (text: string, extra: Partial<{ speakerId: string | null; deletedAt: string | null }> = {}) => ({
    position: 0,
    speakerId: "s1",
    text,
    startMs: 0,
    deletedAt: null,
    ...extra,
  });

  it("a new or growing paragraph is a paragraph; changed, re-attributed or removed words are a correction", () => {
    expect(paragraphEvent("p", null, state("Good"), names)?.type).toBe("paragraph");
    expect(paragraphEvent("p", state("Good"), state("Good morning."), names)?.type).toBe("paragraph");
    expect(paragraphEvent("p", state("Good morning."), state("Good evening."), names)?.type).toBe("correction");
    expect(paragraphEvent("p", state("Good"), state("Good", { speakerId: null }), names)).toMatchObject({
      type: "correction",
      data: { paragraph: { speaker: null } },
    });
    expect(paragraphEvent("p", state("Good"), state("Good", { deletedAt: "2026-12-07T00:00:00Z" }), names)).toEqual({
      type: "correction",
      data: { paragraphId: "p", removed: true },
    });
    // Restored: readers get it back as a paragraph. Nothing they see changed: no event.
    expect(paragraphEvent("p", state("Good", { deletedAt: "x" }), state("Good"), names)?.type).toBe("paragraph");
    expect(paragraphEvent("p", state("Good"), state("Good"), names)).toBeNull();
  });
});

describe("a live transcript's readers", () => {
  it("only an editor takes it live, at its address, and it then ends only by publishing or unpublishing", async () => {
    const { editor, reporter, id, slug } = await liveBriefing();
    await expectAppError(transitionTranscript(reporter, id, { to: "LIVE" }), "FORBIDDEN");
    expect(await loadLiveTranscript(slug)).toBeNull();
    const result = await transitionTranscript(editor, id, { to: "LIVE" });
    expect(result).toMatchObject({ status: "LIVE", url: expect.stringContaining(`/t/${slug}`) });
    await expectAppError(transitionTranscript(editor, id, { to: "LIVE" }), "CONFLICT");
    await expectAppError(transitionTranscript(editor, id, { to: "DRAFT" }), "CONFLICT");
    await expectAppError(
      transitionTranscript(editor, id, { to: "PUBLISHED", publishAt: new Date(Date.now() + 86_400_000).toISOString() }),
      "CONFLICT",
    );
    const view = await loadLiveTranscript(slug);
    expect(view).toMatchObject({ id, seq: 0, paragraphs: [{ text: "Before we go live.", speaker: { name: "Holm" } }] });
  });

  it("sends saved paragraphs and approved public notes, never internal notes or a reporter's unapproved note", async () => {
    const { editor, reporter, id } = await liveBriefing();
    await transitionTranscript(editor, id, { to: "LIVE" });
    const fed = await feedLiveCues(reporter, id, [
      cue({ speaker: "Holm", text: "The river peaked at 4.2 metres.", startMs: 1_000, endMs: 3_000, final: true }),
      cue({ speaker: "Holm", text: "and the ba", final: false }),
    ]);
    const segment = fed.segments.at(-1)!;
    await createAnnotation(reporter, id, {
      segmentId: segment.id,
      start: 0,
      end: 9,
      kind: "note",
      body: "Check the gauge",
    });
    const held = await createAnnotation(reporter, id, {
      segmentId: segment.id,
      start: 24,
      end: 30,
      kind: "factcheck",
      verdict: "accurate",
      claim: "4.2 metres",
      body: "The gauge at Kvarn read 4.21 m.",
    });
    expect(held.annotation.awaitingApproval).toBe(true);
    const before = await events(id);
    // The paragraph grew (a paragraph event); the guess, the internal note and the held fact-check made none.
    expect(before.map((event) => event.type)).toEqual(["paragraph"]);
    expect(JSON.stringify(before)).not.toMatch(/and the ba|Check the gauge|Kvarn/);
    await expectAppError(approveAnnotation(reporter, id, held.annotation.id), "FORBIDDEN");
    await approveAnnotation(editor, id, held.annotation.id);
    await expectAppError(approveAnnotation(editor, id, held.annotation.id), "CONFLICT");
    const context = await createAnnotation(editor, id, {
      segmentId: segment.id,
      start: 4,
      end: 9,
      kind: "context",
      body: "The Kvarn, through the town centre.",
    });
    expect(context.annotation.awaitingApproval).toBe(false);
    const after = await events(id);
    expect(after.map((event) => [event.seq, event.type])).toEqual([
      [1, "paragraph"],
      [2, "annotation"],
      [3, "annotation"],
    ]);
    expect(after[1]!.data).toMatchObject({
      annotation: { id: held.annotation.id, kind: "FACTCHECK", verdict: "ACCURATE" },
    });
    // A reporter's later change takes it off readers' pages until an editor approves it again.
    await updateAnnotation(reporter, id, held.annotation.id, { body: "The gauge read 4.21 m at 09:00." });
    expect((await events(id)).at(-1)).toMatchObject({
      type: "annotation",
      data: { annotationId: held.annotation.id, removed: true },
    });
    const view = (await loadLiveTranscript((await db.transcript.findUniqueOrThrow({ where: { id } })).publicSlug!))!;
    expect(view.seq).toBe(4);
    expect(view.notes.map((note) => note.kind)).toEqual(["CONTEXT"]);
    // A correction to words readers have: the paragraph, then the notes it moved.
    const row = await db.segment.findUniqueOrThrow({ where: { id: segment.id } });
    await editSegment(editor, id, segment.id, { text: row.text.replace("4.2", "4.21"), baseVersion: row.version });
    const corrected = (await events(id)).filter((event) => event.seq > 4);
    expect(corrected[0]).toMatchObject({
      type: "correction",
      data: { paragraph: { id: segment.id, text: expect.stringContaining("4.21 metres") } },
    });
    expect(corrected.slice(1).every((event) => event.type === "annotation")).toBe(true);
    // A renamed speaker is one event, however many paragraphs are theirs.
    const holm = await db.speaker.findFirstOrThrow({ where: { transcriptId: id, name: "Holm" } });
    await updateSpeaker(editor, id, holm.id, { name: "Minister Holm" });
    expect((await events(id)).at(-1)).toMatchObject({
      type: "speaker",
      data: { speaker: { id: holm.id, name: "Minister Holm" } },
    });
  });

  it("streams new events to every reader, resumes from any event id, and ends every stream on publication", async () => {
    const { editor, reporter, id, slug } = await liveBriefing();
    await transitionTranscript(editor, id, { to: "LIVE" });
    await feedLiveCues(reporter, id, [cue({ speaker: "Okonkwo", text: "Question one.", startMs: 2_000, final: true })]);
    await feedLiveCues(reporter, id, [cue({ speaker: "Holm", text: "Answer one.", startMs: 4_000, final: true })]);
    const hub = new LiveHub({ pollMs: 20, buffer: 2 });
    hubs.push(hub);
    const late = reader();
    const fresh = reader();
    const behind = reader();
    expect(await hub.connect(slug, 2, late.subscriber)).not.toBeNull();
    expect(await hub.connect(slug, null, fresh.subscriber)).not.toBeNull();
    // Further back than the two events in memory: read from the database.
    expect(await hub.connect(slug, 0, behind.subscriber)).not.toBeNull();
    expect(late.events()).toEqual([]);
    expect(behind.events().map((event) => event.id)).toEqual([1, 2]);
    expect(hub.stats().streams).toBe(3);

    await feedLiveCues(reporter, id, [
      cue({ speaker: "Okonkwo", text: "Question two.", startMs: 30_000, final: true }),
    ]);
    for (const stream of [late, fresh, behind]) {
      await until(stream.events, (received) => received.some((event) => event.id === 3));
    }
    expect(fresh.events()).toEqual([
      { id: 3, event: "paragraph", data: { paragraph: expect.objectContaining({ text: "Question two." }) } },
    ]);
    // A reader who reconnects after event 1 (Last-Event-ID) gets 2 and 3, once each, in order.
    const reconnected = reader();
    await hub.connect(slug, resumePoint("1", "0"), reconnected.subscriber);
    expect(reconnected.events().map((event) => event.id)).toEqual([2, 3]);

    await transitionTranscript(editor, id, { to: "PUBLISHED", overrides: await overridesFor(editor, id) });
    await until(fresh.isClosed, Boolean);
    expect(fresh.events().at(-1)).toMatchObject({
      event: "end",
      data: { status: "PUBLISHED", url: expect.stringContaining(slug) },
    });
    expect([late, behind, reconnected].every((stream) => stream.isClosed())).toBe(true);
    expect(hub.stats().streams).toBe(0);
    // Not live any more: nothing to open.
    expect(await hub.connect(slug, null, reader().subscriber)).toBeNull();
  });

  it("never sends what a transaction wrote and then rolled back, and numbers the next event in its place", async () => {
    const { editor, id, slug } = await liveBriefing();
    await transitionTranscript(editor, id, { to: "LIVE" });
    const hub = new LiveHub({ pollMs: 10 });
    hubs.push(hub);
    const stream = reader();
    await hub.connect(slug, 0, stream.subscriber);
    const phantom = { paragraph: { id: "x", position: 9, speaker: null, text: "Never said.", startMs: null } };
    await expect(
      db.$transaction(async (tx) => {
        await recordLiveEvents(tx, id, [{ type: "paragraph", data: phantom }]);
        // Long enough for the hub's rounds and its wake-up to look while the transaction is open.
        await new Promise((resolve) => setTimeout(resolve, 150));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await feedLiveCues(editor, id, [cue({ speaker: "Holm", text: "Actually said.", startMs: 90_000, final: true })]);
    const received = await until(stream.events, (events) => events.length > 0);
    expect(received).toEqual([
      {
        id: 1,
        event: "paragraph",
        data: { paragraph: expect.objectContaining({ text: expect.stringContaining("Actually said.") }) },
      },
    ]);
    expect(JSON.stringify(stream.events())).not.toContain("Never said.");
  });

  it("withdrawing a live transcript ends its streams as withdrawn, and its address answers nothing", async () => {
    const { editor, id, slug } = await liveBriefing();
    await transitionTranscript(editor, id, { to: "LIVE" });
    const hub = new LiveHub({ pollMs: 20 });
    hubs.push(hub);
    const stream = reader();
    await hub.connect(slug, 0, stream.subscriber);
    await transitionTranscript(editor, id, { to: "UNPUBLISHED", note: "Wrong event" });
    await until(stream.isClosed, Boolean);
    expect(stream.events()).toEqual([{ id: 1, event: "end", data: { status: "UNPUBLISHED" } }]);
    expect(await loadLiveTranscript(slug)).toBeNull();
  });
});

/** Publishing over whatever warnings a short machine transcript has (unconfirmed fidelity, say). */
async function overridesFor(editor: Awaited<ReturnType<typeof person>>, id: string) {
  try {
    await transitionTranscript(editor, id, { to: "PUBLISHED", overrides: [] });
    throw new Error("expected warnings");
  } catch (error) {
    const checks = (
      (error as { extra?: { checks?: { check: string; blocking: boolean }[] } }).extra?.checks ?? []
    ).filter((check) => !check.blocking);
    if (checks.length === 0) throw error;
    return checks.map((check) => ({ check: check.check as never, reason: "A live event, checked as it ran." }));
  }
}

it("resumePoint prefers Last-Event-ID, then ?after, and ignores anything that is not a number", () => {
  expect(resumePoint("12", "3")).toBe(12);
  expect(resumePoint(null, "3")).toBe(3);
  expect(resumePoint("x", "4")).toBe(4);
  expect(resumePoint(null, "-1")).toBeNull();
  expect(resumePoint(null, null)).toBeNull();
});
