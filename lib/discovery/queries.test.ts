import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/editor/annotations";
import { tagEntity } from "@/lib/editor/entities";
import { rangeOf, type TestUser } from "@/lib/editor/test-support";
import {
  INDEX_PAGE_SIZE,
  loadArchive,
  loadEntity,
  loadEntityTranscripts,
  loadFrequentSpeakers,
  loadLatestTranscripts,
  loadRecentQuotes,
  loadSpeaker,
  loadSpeakerIndex,
  loadSpeakerQuotes,
  loadSpeakerTranscripts,
} from "@/lib/discovery/queries";
import { READY_PARAGRAPHS, hoursIn, newsroom, publishAt, readyTranscript } from "@/lib/publishing/test-support";
import { transitionTranscript } from "@/lib/publishing/workflow";

const FIRST = READY_PARAGRAPHS[0]!.text;

/**
 * A transcript ready to publish, with its event on `day` and its main speaker renamed to `speaker`, so each test
 * has speakers and dates of its own in the shared test database.
 */
async function readyOn(
  owner: TestUser,
  confirmer: TestUser,
  { day, speaker, title }: { day: string; speaker: string; title: string },
) {
  const transcript = await readyTranscript(owner, confirmer, READY_PARAGRAPHS, { title });
  await db.transcript.update({ where: { id: transcript.id }, data: { occurredAt: new Date(`${day}T00:00:00Z`) } });
  await db.speaker.update({ where: { id: transcript.speakerIds[0]! }, data: { name: speaker } });
  return transcript;
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("a published transcript on the index pages", () => {
  it("is listed on every index page while published, and on none once it is unpublished", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyOn(reporter, editor, {
      day: "2019-02-14",
      speaker: "Jens Stoltenberg",
      title: "NATO defence ministers press conference",
    });
    const quote = await createAnnotation(reporter, transcript.id, {
      segmentId: transcript.segmentIds[0]!,
      ...rangeOf(FIRST, "spend 2 percent of GDP"),
      kind: "quote",
      body: "",
    });
    await tagEntity(reporter, transcript.id, { type: "topic", name: "Defence spending" });
    await tagEntity(reporter, transcript.id, { type: "person", name: "Jens Stoltenberg" });

    // Before publication nothing of it is public.
    expect(ids(await loadLatestTranscripts(10))).not.toContain(transcript.id);
    expect(await loadSpeaker("jens-stoltenberg")).toBeNull();
    expect(await loadEntity("TOPIC", "defence-spending")).toBeNull();

    await publishAt(editor, transcript.id, hoursIn(0));

    const [latest] = await loadLatestTranscripts(10);
    expect(latest).toMatchObject({
      id: transcript.id,
      title: "NATO defence ministers press conference",
      occurredAt: "2019-02-14T00:00:00.000Z",
      place: "Brussels",
      speakers: ["Jens Stoltenberg", "Questioner Ana"],
      updatedAt: null,
    });
    expect(latest!.path).toMatch(/^\/t\/[a-z0-9-]+$/);

    expect(ids((await loadArchive(1, { from: "2019-02-14", to: "2019-02-14" })).items)).toEqual([transcript.id]);
    expect(ids((await loadArchive(1, { from: null, to: "2019-02-14" })).items)).toContain(transcript.id);
    expect((await loadArchive(1, { from: "2019-02-15", to: null })).items).toEqual([]);
    expect((await loadArchive(1, { from: null, to: "2019-02-13" })).items).toEqual([]);

    expect(await loadSpeaker("jens-stoltenberg")).toEqual({
      slug: "jens-stoltenberg",
      name: "Jens Stoltenberg",
      title: null,
      outlet: null,
      transcriptCount: 1,
    });
    expect(ids((await loadSpeakerTranscripts("jens-stoltenberg", 1)).items)).toEqual([transcript.id]);
    expect(await loadSpeakerQuotes("jens-stoltenberg", 10)).toEqual([
      {
        id: quote.annotation.id,
        text: "spend 2 percent of GDP",
        speakerName: "Jens Stoltenberg",
        speakerSlug: "jens-stoltenberg",
        paragraphNumber: 1,
        transcript: { title: "NATO defence ministers press conference", path: latest!.path },
      },
    ]);
    expect(ids(await loadRecentQuotes(6))).toContain(quote.annotation.id);
    expect((await loadSpeakerIndex(1)).items.map((speaker) => speaker.slug)).toContain("jens-stoltenberg");

    expect(await loadEntity("TOPIC", "defence-spending")).toEqual({
      type: "TOPIC",
      slug: "defence-spending",
      name: "Defence spending",
      transcriptCount: 1,
      speakerSlug: null,
    });
    // The same name as a different type is a different page.
    expect(await loadEntity("ORG", "defence-spending")).toBeNull();
    expect(ids((await loadEntityTranscripts("TOPIC", "defence-spending", 1)).items)).toEqual([transcript.id]);
    // A person who also speaks links to their speaker page.
    expect(await loadEntity("PERSON", "jens-stoltenberg")).toMatchObject({ speakerSlug: "jens-stoltenberg" });

    await transitionTranscript(editor, transcript.id, { to: "UNPUBLISHED", note: "Legal review." });

    expect(ids(await loadLatestTranscripts(10))).not.toContain(transcript.id);
    expect((await loadArchive(1, { from: "2019-02-14", to: "2019-02-14" })).items).toEqual([]);
    expect(await loadSpeaker("jens-stoltenberg")).toBeNull();
    expect((await loadSpeakerTranscripts("jens-stoltenberg", 1)).items).toEqual([]);
    expect(await loadSpeakerQuotes("jens-stoltenberg", 10)).toEqual([]);
    expect(ids(await loadRecentQuotes(6))).not.toContain(quote.annotation.id);
    expect((await loadSpeakerIndex(1)).items.map((speaker) => speaker.slug)).not.toContain("jens-stoltenberg");
    expect(await loadEntity("TOPIC", "defence-spending")).toBeNull();
    expect((await loadEntityTranscripts("TOPIC", "defence-spending", 1)).items).toEqual([]);
  });
});

describe("the archive", () => {
  it("lists newest event first, twenty to a page, counting only the range asked for", async () => {
    const { reporter, editor } = await newsroom();
    const days = Array.from(
      { length: INDEX_PAGE_SIZE + 1 },
      (_, index) => `2011-03-${String(index + 1).padStart(2, "0")}`,
    );
    const published = new Map<string, string>();
    for (const day of days) {
      const transcript = await readyOn(reporter, editor, { day, speaker: "Archive Speaker", title: `Briefing ${day}` });
      await publishAt(editor, transcript.id, hoursIn(0));
      published.set(day, transcript.id);
    }
    const range = { from: "2011-03-01", to: "2011-03-31" };
    const first = await loadArchive(1, range);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: INDEX_PAGE_SIZE + 1 });
    expect(ids(first.items)).toEqual(
      [...days]
        .reverse()
        .slice(0, INDEX_PAGE_SIZE)
        .map((day) => published.get(day)),
    );
    const second = await loadArchive(2, range);
    expect(ids(second.items)).toEqual([published.get("2011-03-01")]);
    expect((await loadArchive(3, range)).items).toEqual([]);

    // Both ends are whole days.
    expect(ids((await loadArchive(1, { from: "2011-03-05", to: "2011-03-06" })).items)).toEqual([
      published.get("2011-03-06"),
      published.get("2011-03-05"),
    ]);
  });
});

describe("speakers", () => {
  it("files every named speaker alphabetically with their latest title and how many transcripts they speak in", async () => {
    const { reporter, editor } = await newsroom();
    const older = await readyOn(reporter, editor, { day: "2012-01-01", speaker: "Zoë Zimmer", title: "Older" });
    await db.speaker.update({
      where: { id: older.speakerIds[0]! },
      data: { title: "Deputy minister", outlet: "Ministry" },
    });
    const newer = await readyOn(reporter, editor, { day: "2012-06-01", speaker: "Zoë Zimmer", title: "Newer" });
    await db.speaker.update({ where: { id: newer.speakerIds[0]! }, data: { title: "Minister" } });
    const other = await readyOn(reporter, editor, { day: "2012-03-01", speaker: "Ålmo Åberg", title: "Other" });
    for (const transcript of [older, newer, other]) await publishAt(editor, transcript.id, hoursIn(0));

    expect(await loadSpeaker("zoe-zimmer")).toEqual({
      slug: "zoe-zimmer",
      name: "Zoë Zimmer",
      title: "Minister",
      // Not given in the newest transcript: the older one fills the gap.
      outlet: "Ministry",
      transcriptCount: 2,
    });
    expect(ids((await loadSpeakerTranscripts("zoe-zimmer", 1)).items)).toEqual([newer.id, older.id]);

    const index = await loadSpeakerIndex(1);
    const names = index.items.map((speaker) => speaker.name);
    expect(names.indexOf("Ålmo Åberg")).toBeLessThan(names.indexOf("Questioner Ana"));
    expect(names.indexOf("Questioner Ana")).toBeLessThan(names.indexOf("Zoë Zimmer"));
    expect(index.letters.map((entry) => entry.letter)).toEqual(expect.arrayContaining(["A", "Q", "Z"]));
    expect(index.letters.every((entry) => entry.page === 1)).toBe(true);

    // "Questioner Ana" speaks in every transcript published so far in this file, so she leads the strip.
    const frequent = await loadFrequentSpeakers(3);
    expect(frequent[0]).toMatchObject({ slug: "questioner-ana" });
    expect(frequent[0]!.transcriptCount).toBeGreaterThan(2);
  });
});

describe("recent key quotes", () => {
  it("takes at most two from one transcript so one busy press conference does not fill the home page", async () => {
    const { reporter, editor } = await newsroom();
    const transcript = await readyOn(reporter, editor, { day: "2013-01-01", speaker: "Quinn Quoted", title: "Quotes" });
    const quoted: string[] = [];
    for (const words of ["Good afternoon", "Defence ministers", "spend 2 percent of GDP"]) {
      const { annotation } = await createAnnotation(reporter, transcript.id, {
        segmentId: transcript.segmentIds[0]!,
        ...rangeOf(FIRST, words),
        kind: "quote",
        body: "",
      });
      quoted.push(annotation.id);
    }
    await publishAt(editor, transcript.id, hoursIn(1));
    const recent = await loadRecentQuotes(6);
    expect(recent.filter((quote) => quoted.includes(quote.id)).map((quote) => quote.text)).toEqual([
      "Good afternoon",
      "Defence ministers",
    ]);
    expect(await loadSpeakerQuotes("quinn-quoted", 10)).toHaveLength(3);
  });
});
