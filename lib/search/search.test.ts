// Search against a real SQLite database: transcripts published, corrected and unpublished through the real workflow,
// found (or not) through the same functions the pages and the API call.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { currentProvider } from "@/lib/db/provider";
import { deleteSegment, editSegment } from "@/lib/editor/segments";
import { tagEntity } from "@/lib/editor/entities";
import type { TestUser } from "@/lib/editor/test-support";
import { recordCorrection } from "@/lib/publishing/corrections";
import { hoursIn, newsroom, publishAt, readyTranscript, staff } from "@/lib/publishing/test-support";
import { publishDueTranscripts, transitionTranscript } from "@/lib/publishing/workflow";
import { loadSearchFacets, searchDesk, searchPublished } from "@/lib/search";
import { parseQuery } from "@/lib/search/query";
import { snippetHtml, snippetText } from "@/lib/search/snippets";
import type { SearchFilters } from "@/lib/search/types";

let editor: TestUser;
let reporter: TestUser;
let stranger: TestUser;

function search(text: string, filters: SearchFilters = {}, page = 1) {
  return searchPublished({ query: parseQuery(text), page, ...filters });
}

async function publishedTranscript(paragraphs: { text: string; speaker: string }[], title: string, at: number) {
  const transcript = await readyTranscript(reporter, editor, paragraphs, { title });
  await publishAt(editor, transcript.id, hoursIn(at));
  return transcript;
}

const AZOV = [
  {
    speaker: "Jens Stoltenberg",
    text: "Russia must release the Ukrainian sailors and ships seized near the Sea of Azov without delay.",
  },
  { speaker: "Questioner Ana", text: "Will NATO send ships to the sea near Azov?" },
  {
    speaker: "Jens Stoltenberg",
    text: "We have increased our presence in the Black Sea. Allies are monitoring the situation closely.",
  },
];

beforeAll(async () => {
  ({ editor, reporter, stranger } = await newsroom());
});

describe("public search", () => {
  it("finds a phrase only where its words stand together, with the match marked and a link to the paragraph", async () => {
    const transcript = await publishedTranscript(AZOV, "Press conference on the Kerch Strait", 1);
    const results = await search('"sea of azov"');
    const hits = results.hits.filter((hit) => hit.transcript.id === transcript.id);
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit?.paragraph).toMatchObject({ number: 1, speaker: "Jens Stoltenberg", speakerSlug: "jens-stoltenberg" });
    const { publicSlug } = await db.transcript.findUniqueOrThrow({
      where: { id: transcript.id },
      select: { publicSlug: true },
    });
    expect(hit?.path).toBe(`/t/${publicSlug}#p-1`);
    expect(
      hit?.snippet
        .filter((run) => run.marked)
        .map((run) => run.text)
        .join(" "),
    ).toMatch(/Sea of Azov/);
    expect(snippetHtml(hit?.snippet ?? [])).toContain("<mark>");

    // Without quotes the words may stand apart: the question matches too.
    const loose = await search("sea azov");
    expect(
      loose.hits
        .filter((candidate) => candidate.transcript.id === transcript.id)
        .map((h) => h.paragraph.number)
        .sort(),
    ).toEqual([1, 2]);
  });

  it("ranks the paragraph that is most about the words first (bm25)", async () => {
    const transcript = await publishedTranscript(
      [
        {
          speaker: "Jens Stoltenberg",
          text: "Burden sharing came up once, among many other things we discussed today in the meeting.",
        },
        {
          speaker: "Jens Stoltenberg",
          text: "Burden sharing, fair burden sharing: every ally must carry its share of the burden.",
        },
      ],
      "Burden sharing briefing",
      2,
    );
    const results = await search("burden sharing");
    const mine = results.hits.filter((hit) => hit.transcript.id === transcript.id);
    expect(mine.map((hit) => hit.paragraph.number)).toEqual([2, 1]);
  });

  it("stems English words, so 'sanction' finds 'sanctions', and ignores accents", async () => {
    const transcript = await publishedTranscript(
      [{ speaker: "Jens Stoltenberg", text: "The sanctions on the régime in Caracas remain in place." }],
      "Sanctions briefing",
      3,
    );
    for (const words of ["sanction", "regime caracas", "sanct*"]) {
      const results = await search(words);
      expect(
        results.hits.map((hit) => hit.transcript.id),
        words,
      ).toContain(transcript.id);
    }
  });

  it("never finds a draft, and finds a transcript only from the moment it is published until it is unpublished", async () => {
    const transcript = await readyTranscript(reporter, editor, [
      { speaker: "Jens Stoltenberg", text: "The quartermaster's zeppelin inventory is confidential." },
    ]);
    expect((await search("zeppelin inventory")).total).toBe(0);

    await transitionTranscript(editor, transcript.id, { to: "PUBLISHED" }, hoursIn(4));
    expect((await search("zeppelin inventory")).hits.map((hit) => hit.transcript.id)).toEqual([transcript.id]);

    await transitionTranscript(editor, transcript.id, { to: "UNPUBLISHED", note: "Legal review" });
    expect((await search("zeppelin inventory")).total).toBe(0);
    expect(await db.publicParagraph.count({ where: { transcriptId: transcript.id } })).toBe(0);
    expect(await db.publicListing.count({ where: { transcriptId: transcript.id } })).toBe(0);
  });

  it("a scheduled transcript is not found before it goes out", async () => {
    const transcript = await readyTranscript(reporter, editor, [
      { speaker: "Jens Stoltenberg", text: "The embargoed xylophone announcement comes tomorrow." },
    ]);
    const due = new Date(Date.now() + 86_400_000);
    await transitionTranscript(editor, transcript.id, { to: "PUBLISHED", publishAt: due.toISOString() });
    expect((await search("embargoed xylophone")).total).toBe(0);
    // The scheduler publishes it when it is due, and indexes it in the same transaction.
    await publishDueTranscripts(new Date(due.getTime() + 1_000));
    expect((await search("embargoed xylophone")).hits.map((hit) => hit.transcript.id)).toEqual([transcript.id]);
  });

  it("private edits to the working copy are not searchable until republished", async () => {
    const transcript = await publishedTranscript(
      [{ speaker: "Jens Stoltenberg", text: "The marmalade agreement was signed in Vilnius." }],
      "Marmalade briefing",
      5,
    );
    const [segment] = await db.segment.findMany({
      where: { transcriptId: transcript.id },
      select: { id: true, version: true },
    });
    await editSegment(editor, transcript.id, segment!.id, {
      text: "The porcupine agreement was signed in Vilnius.",
      baseVersion: segment!.version,
    });
    expect((await search("porcupine")).total).toBe(0);
    expect((await search("marmalade")).hits.map((hit) => hit.transcript.id)).toContain(transcript.id);
  });

  it("a correction replaces the words readers can find", async () => {
    const transcript = await publishedTranscript(
      [{ speaker: "Jens Stoltenberg", text: "We will spend fourteen billion on the gondola programme." }],
      "Gondola briefing",
      6,
    );
    const [segment] = await db.segment.findMany({ where: { transcriptId: transcript.id }, select: { id: true } });
    await recordCorrection(editor, transcript.id, {
      segmentId: segment!.id,
      text: "We will spend four billion on the funicular programme.",
      reason: "Misheard figure and programme name.",
    });
    expect((await search("gondola")).total).toBe(0);
    expect((await search("funicular")).hits.map((hit) => hit.transcript.id)).toEqual([transcript.id]);
  });

  it("filters by speaker (what did this speaker say about X), outlet, topic and date", async () => {
    const transcript = await readyTranscript(
      reporter,
      editor,
      [
        { speaker: "Jens Stoltenberg", text: "On the walrus treaty, allies stand united." },
        { speaker: "Questioner Ana", text: "Is the walrus treaty dead?" },
      ],
      { title: "Walrus treaty briefing" },
    );
    await db.speaker.updateMany({
      where: { transcriptId: transcript.id, name: "Questioner Ana" },
      data: { outlet: "Reuters" },
    });
    await tagEntity(editor, transcript.id, { type: "topic", name: "Walrus Treaty" });
    await publishAt(editor, transcript.id, hoursIn(7));

    const bySpeaker = await search("walrus treaty", { speaker: "jens-stoltenberg" });
    expect(bySpeaker.hits.map((hit) => hit.paragraph.speaker)).toEqual(["Jens Stoltenberg"]);
    const byOutlet = await search("walrus", { outlet: "Reuters" });
    expect(byOutlet.hits.map((hit) => [hit.paragraph.speaker, hit.paragraph.outlet])).toEqual([
      ["Questioner Ana", "Reuters"],
    ]);
    const byTopic = await search("treaty", { topic: "walrus-treaty" });
    expect(new Set(byTopic.hits.map((hit) => hit.transcript.id))).toEqual(new Set([transcript.id]));

    // The event is dated 14 February 2019 (readyTranscript).
    const inRange = await search("walrus", { from: new Date("2019-02-14"), to: new Date("2019-02-14") });
    expect(inRange.total).toBe(2);
    expect((await search("walrus", { from: new Date("2019-02-15") })).total).toBe(0);
    expect((await search("walrus", { to: new Date("2019-02-13") })).total).toBe(0);

    // A speaker's words with no search terms: browsing by the filter alone.
    const browsing = await search("", { speaker: "jens-stoltenberg", topic: "walrus-treaty" });
    expect(browsing.hits.map((hit) => snippetText(hit.snippet))).toEqual([
      "On the walrus treaty, allies stand united.",
    ]);

    const facets = await loadSearchFacets();
    expect(facets.speakers.map((option) => option.value)).toContain("jens-stoltenberg");
    expect(facets.outlets).toContainEqual(expect.objectContaining({ value: "Reuters" }));
    expect(facets.topics).toContainEqual({ value: "walrus-treaty", label: "Walrus Treaty", count: 1 });
  });

  it("answers odd queries without an error: FTS syntax, unclosed quotes, very long input, nothing at all", async () => {
    for (const input of [
      "NEAR(sea azov",
      'text:"x',
      "AND OR NOT",
      "^*",
      "-",
      "a".repeat(10_000),
      "sea ".repeat(500),
      "",
      "   ",
    ]) {
      await expect(search(input), input).resolves.toMatchObject({ page: 1 });
    }
    expect((await search("")).hits).toEqual([]);
  });

  it("never lets a paragraph's own characters become markup in a snippet", async () => {
    await publishedTranscript(
      [{ speaker: "Jens Stoltenberg", text: 'The <script>alert("quokka")</script> & friends quokka line.' }],
      "Quokka briefing",
      8,
    );
    const [hit] = (await search("quokka")).hits;
    const html = snippetHtml(hit?.snippet ?? []);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#60;script&#62;");
    expect(html).toContain("<mark>quokka</mark>");
  });

  it("pages through many matches and caps the count cheaply", async () => {
    const paragraphs = Array.from({ length: 45 }, (_, index) => ({
      speaker: "Jens Stoltenberg",
      text: `Paragraph ${index} about the kiwifruit tariff.`,
    }));
    await publishedTranscript(paragraphs, "Kiwifruit tariffs", 9);
    const first = await search("kiwifruit", {}, 1);
    const third = await search("kiwifruit", {}, 3);
    expect(first).toMatchObject({ total: 45, totalIsCapped: false, pageCount: 3 });
    expect(first.hits).toHaveLength(20);
    expect(third.hits).toHaveLength(5);
    const seen = new Set(
      [...first.hits, ...(await search("kiwifruit", {}, 2)).hits, ...third.hits].map((hit) => hit.path),
    );
    expect(seen.size).toBe(45);
  });
});

describe("staff search", () => {
  it("covers drafts, only those the person may open, and follows edits and deletions", async () => {
    const mine = await readyTranscript(reporter, editor, [
      { speaker: "Jens Stoltenberg", text: "A draft about the armadillo procurement." },
      { speaker: "Jens Stoltenberg", text: "A second armadillo paragraph, to be deleted." },
    ]);
    const theirs = await readyTranscript(stranger, editor, [
      { speaker: "Jens Stoltenberg", text: "Their armadillo notes." },
    ]);

    const forReporter = await searchDesk(reporter, { query: parseQuery("armadillo"), page: 1 });
    expect(new Set(forReporter.hits.map((hit) => hit.transcript.id))).toEqual(new Set([mine.id]));
    expect(forReporter.hits[0]?.path).toBe(`/desk/transcripts/${mine.id}`);
    expect(forReporter.hits[0]?.transcript.status).toBe("DRAFT");

    const forEditor = await searchDesk(editor, { query: parseQuery("armadillo"), page: 1 });
    expect(new Set(forEditor.hits.map((hit) => hit.transcript.id))).toEqual(new Set([mine.id, theirs.id]));

    const segments = await db.segment.findMany({
      where: { transcriptId: mine.id },
      orderBy: { position: "asc" },
      select: { id: true, version: true },
    });
    await deleteSegment(reporter, mine.id, segments[1]!.id, segments[1]!.version);
    await editSegment(reporter, mine.id, segments[0]!.id, {
      text: "A draft about the pangolin procurement.",
      baseVersion: segments[0]!.version,
    });
    expect((await searchDesk(reporter, { query: parseQuery("armadillo"), page: 1 })).total).toBe(0);
    const renamed = await searchDesk(reporter, { query: parseQuery("pangolin"), page: 1 });
    expect(renamed.hits.map((hit) => snippetText(hit.snippet))).toEqual(["A draft about the pangolin procurement."]);

    const inactive = await staff("Gone Editor", "EDITOR");
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    expect((await searchDesk({ ...inactive, active: false }, { query: parseQuery("pangolin"), page: 1 })).total).toBe(
      0,
    );
  });
});

describe("ranking many matches", () => {
  it("ranks only the newest matches when there are more than the ranking window, best first among them", async () => {
    // The database's own implementation, with a window small enough to see (SQLite's FTS5 or PostgreSQL's tsvector).
    const { searchPublishedSqlite } = await import("@/lib/search/sqlite/public-search");
    const { searchPublishedPostgres } = await import("@/lib/search/postgresql/public-search");
    const searchWith = currentProvider() === "postgresql" ? searchPublishedPostgres : searchPublishedSqlite;
    // The oldest paragraph is the most about "ocelot" (bm25 would rank it first); the later ones mention it once.
    const paragraphs = [
      { speaker: "Jens Stoltenberg", text: "Ocelot, ocelot, ocelot: the ocelot question is all about the ocelot." },
      ...Array.from({ length: 12 }, (_, index) => ({
        speaker: "Jens Stoltenberg",
        text: `Item ${index}: one ocelot among many other words in a longer paragraph about the budget for next year.`,
      })),
      { speaker: "Jens Stoltenberg", text: "Ocelot ocelot ocelot, the newest paragraph about the ocelot." },
    ];
    await publishedTranscript(paragraphs, "Ocelot briefing", 10);
    const full = await searchWith({ query: parseQuery("ocelot"), page: 1 }, { rankWindow: 1_000 });
    expect(full.hits[0]?.paragraph.number).toBe(1);
    const windowed = await searchWith({ query: parseQuery("ocelot"), page: 1 }, { rankWindow: 5 });
    // Only the newest five matches (paragraphs 10 to 14) are ranked; the count still covers every match.
    expect(windowed.total).toBe(14);
    expect(windowed.hits.map((hit) => hit.paragraph.number).sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14]);
    expect(windowed.hits[0]?.paragraph.number).toBe(14);
  });
});
