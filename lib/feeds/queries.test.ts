import { db } from "@/lib/db";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/editor/annotations";
import { tagEntity } from "@/lib/editor/entities";
import { rangeOf } from "@/lib/editor/test-support";
import type { TestUser } from "@/lib/editor/test-support";
import { recordCorrection } from "@/lib/publishing/corrections";
import { hoursIn, newsroom, publishAt, readyTranscript, statusOf } from "@/lib/publishing/test-support";
import { transitionTranscript } from "@/lib/publishing/workflow";
import { renderFeed } from "./feed";
import { loadFeedSource, loadSitemapPages, type FeedScope } from "./queries";

const STATEMENT = "Allies discussed the Sea of Azov and the Kerch Strait with Federica Mogherini.";

/** A transcript about one topic (unique to the test), Jens Stoltenberg speaking; published at `hour` unless null. */
async function transcriptAbout(
  people: { reporter: TestUser; editor: TestUser },
  topic: string,
  hour: number | null,
  title = `Press conference on ${topic}`,
) {
  const transcript = await readyTranscript(
    people.reporter,
    people.editor,
    [
      { text: `${STATEMENT} We also talked about ${topic}.`, speaker: "Jens Stoltenberg" },
      { text: "What about the sailors?", speaker: "Questioner Ana" },
      { text: `The sailors must be released. ${topic} stays on the agenda.`, speaker: "Jens Stoltenberg" },
    ],
    { title },
  );
  await tagEntity(people.reporter, transcript.id, { type: "topic", name: topic });
  await tagEntity(people.reporter, transcript.id, { type: "person", name: "Federica Mogherini" });
  if (hour !== null) await publishAt(people.editor, transcript.id, hoursIn(hour));
  const { publicSlug } = await statusOf(transcript.id);
  return { ...transcript, publicSlug };
}

function uniqueTopic(name: string): string {
  return `${name} ${Math.random().toString(36).slice(2, 7)}`;
}

function topicSlug(topic: string): string {
  return topic.toLowerCase().replace(/\s+/g, "-");
}

async function entryIds(scope: FeedScope, ours: readonly string[]): Promise<string[] | null> {
  const source = await loadFeedSource(scope);
  if (!source) return null;
  return source.entries.map((entry) => entry.transcriptId).filter((id) => ours.includes(id));
}

async function authorSlugOf(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { authorSlug: true } })).authorSlug;
}

describe("the feeds' entries", () => {
  it("are the published transcripts, newest publication first, never a draft or an unpublished one", async () => {
    const people = await newsroom();
    const topic = uniqueTopic("Fisheries");
    const older = await transcriptAbout(people, topic, 0);
    const newer = await transcriptAbout(people, topic, 1);
    const draft = await transcriptAbout(people, topic, null);
    const withdrawn = await transcriptAbout(people, topic, 2);
    await transitionTranscript(people.editor, withdrawn.id, { to: "UNPUBLISHED", note: "Legal review." });
    const ours = [older.id, newer.id, draft.id, withdrawn.id];

    expect(await entryIds({ kind: "site" }, ours)).toEqual([newer.id, older.id]);
    expect(await entryIds({ kind: "speaker", slug: "jens-stoltenberg" }, ours)).toEqual([newer.id, older.id]);
    expect(await entryIds({ kind: "topic", slug: topicSlug(topic) }, ours)).toEqual([newer.id, older.id]);

    const site = await loadFeedSource({ kind: "site" });
    const entry = site!.entries.find((candidate) => candidate.transcriptId === older.id);
    expect(entry).toEqual({
      transcriptId: older.id,
      title: `Press conference on ${topic}`,
      path: `/t/${older.publicSlug}`,
      summary: null,
      occurredAt: new Date("2019-02-14T00:00:00Z"),
      place: "Brussels",
      speakers: ["Jens Stoltenberg", "Questioner Ana"],
      categories: expect.arrayContaining([topic, "Federica Mogherini"]),
      publishedAt: hoursIn(0),
      updatedAt: hoursIn(0),
      correctionCount: 0,
      // The reading page's byline: the reporter who made it (lib/publishing/credits.ts).
      authors: [{ name: people.reporter.name, path: `/authors/${await authorSlugOf(people.reporter.id)}` }],
    });
  });

  it("name the speaker or topic, and are null for one nobody can read about", async () => {
    const people = await newsroom();
    const topic = uniqueTopic("Kerch Strait");
    await transcriptAbout(people, topic, 0);
    const unpublishedTopic = uniqueTopic("Arctic");
    await transcriptAbout(people, unpublishedTopic, null);

    expect((await loadFeedSource({ kind: "speaker", slug: "jens-stoltenberg" }))?.name).toBe("Jens Stoltenberg");
    expect((await loadFeedSource({ kind: "topic", slug: topicSlug(topic) }))?.name).toBe(topic);
    expect(await loadFeedSource({ kind: "speaker", slug: "nobody-at-all" })).toBeNull();
    expect(await loadFeedSource({ kind: "topic", slug: topicSlug(unpublishedTopic) })).toBeNull();
    // A person is not a topic: people have their own pages, and no topic feed.
    expect(await loadFeedSource({ kind: "topic", slug: "federica-mogherini" })).toBeNull();
    expect(await loadFeedSource({ kind: "speaker", slug: "../../etc/passwd" })).toBeNull();
    expect(await loadFeedSource({ kind: "speaker", slug: "x".repeat(81) })).toBeNull();
  });

  it("move their updated date and say “Corrected” after a correction, keeping the first publication date", async () => {
    const people = await newsroom();
    const topic = uniqueTopic("Iraq mission");
    const transcript = await transcriptAbout(people, topic, 0);
    await recordCorrection(
      people.editor,
      transcript.id,
      {
        segmentId: transcript.segmentIds[2]!,
        text: `The sailors must be released at once. ${topic} stays on the agenda.`,
        reason: "Misheard.",
      },
      hoursIn(3),
    );

    const source = await loadFeedSource({ kind: "topic", slug: topicSlug(topic) });
    expect(source!.entries).toHaveLength(1);
    const [entry] = source!.entries;
    expect(entry).toMatchObject({ publishedAt: hoursIn(0), updatedAt: hoursIn(3), correctionCount: 1 });

    const channel = {
      title: topic,
      description: "",
      pagePath: `/topics/${topicSlug(topic)}`,
      feedPaths: { rss: "/feed.xml", atom: "/atom.xml" },
      siteName: "Verbatim",
      siteUrl: "http://localhost",
    };
    const atom = new XMLParser().parse(renderFeed("atom", channel, source!.entries)) as {
      feed: { updated: string; entry: { updated: string; published: string; summary: string } };
    };
    expect(atom.feed.updated).toBe(hoursIn(3).toISOString());
    expect(atom.feed.entry.updated).toBe(hoursIn(3).toISOString());
    expect(atom.feed.entry.published).toBe(hoursIn(0).toISOString());
    expect(atom.feed.entry.summary).toContain("Corrected once");
  });
});

describe("the sitemap", () => {
  it("lists published transcripts, their speakers, entities and key quotes with their last change", async () => {
    const people = await newsroom();
    const topic = uniqueTopic("Western Balkans");
    const transcript = await transcriptAbout(people, topic, null);
    const { annotation: quote } = await createAnnotation(people.reporter, transcript.id, {
      segmentId: transcript.segmentIds[2]!,
      ...rangeOf(`The sailors must be released. ${topic} stays on the agenda.`, "The sailors must be released"),
      kind: "quote",
      body: "The demand.",
    });
    const draftTopic = uniqueTopic("Draft only");
    await transcriptAbout(people, draftTopic, null);
    await publishAt(people.editor, transcript.id, hoursIn(5));
    const { publicSlug } = await statusOf(transcript.id);

    const pages = new Map((await loadSitemapPages()).map((page) => [page.path, page.lastModified]));
    expect(pages.get(`/t/${publicSlug}`)).toEqual(hoursIn(5));
    expect(pages.get(`/q/${quote.id}`)).toEqual(hoursIn(5));
    expect(pages.get(`/topics/${topicSlug(topic)}`)).toEqual(hoursIn(5));
    expect(pages.get("/people/federica-mogherini")).toEqual(hoursIn(5));
    expect(pages.get("/speakers/jens-stoltenberg")).toEqual(hoursIn(5));
    expect(pages.get("/")).toEqual(hoursIn(5));
    expect([...pages.keys()]).toEqual(expect.arrayContaining(["/transcripts", "/speakers", "/corrections"]));
    expect(pages.has(`/topics/${topicSlug(draftTopic)}`)).toBe(false);

    await transitionTranscript(people.editor, transcript.id, { to: "UNPUBLISHED", note: "Withdrawn." });
    const after = new Set((await loadSitemapPages()).map((page) => page.path));
    expect(after.has(`/t/${publicSlug}`)).toBe(false);
    expect(after.has(`/q/${quote.id}`)).toBe(false);
    expect(after.has(`/topics/${topicSlug(topic)}`)).toBe(false);
  });
});
