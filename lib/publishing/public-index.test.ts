import { describe, expect, it } from "vitest";
import { makePublicTranscript } from "@/lib/publishing/test-fixture";
import { indexEntry, nameSlug, speakerSlug } from "@/lib/publishing/public-index";

describe("nameSlug and speakerSlug", () => {
  it("gives every name a readable slug, transliterating where it can", () => {
    expect(nameSlug("Jens Stoltenberg")).toBe("jens-stoltenberg");
    expect(nameSlug("Владимир Путин")).toBe("vladimir-putin");
    expect(nameSlug("Ursula von der Leyen")).toBe("ursula-von-der-leyen");
    expect(nameSlug("José Manuel Albares")).toBe("jose-manuel-albares");
    expect(nameSlug("习近平")).toBe("习近平");
  });

  it("gives unnamed speakers no page", () => {
    for (const name of [
      "Speaker 1",
      "SPEAKER_02",
      "Question",
      "Q",
      "Unknown Speaker",
      "Audience member",
      "Moderator",
      "MODERATOR:",
      "The Chair",
      "Interpreter",
    ]) {
      expect(speakerSlug(name), name).toBeNull();
    }
    expect(speakerSlug("Oana Lungescu")).toBe("oana-lungescu");
    expect(speakerSlug("Moderator Oana Lungescu")).toBe("moderator-oana-lungescu");
  });
});

describe("indexEntry", () => {
  it("derives the listing, paragraphs, speakers, topics and quotes of a publication", () => {
    const snapshot = makePublicTranscript();
    const firstPublishedAt = new Date("2019-02-15T10:00:00Z");
    const updatedAt = new Date("2019-02-16T10:00:00Z");
    const entry = indexEntry("tr_1", snapshot, { publicSlug: "nato", firstPublishedAt, updatedAt });
    expect(entry.listing).toMatchObject({
      transcriptId: "tr_1",
      slug: "nato",
      title: snapshot.title,
      publishedAt: firstPublishedAt,
      updatedAt,
      sortDate: new Date("2019-02-14T00:00:00.000Z"),
      wordCount: snapshot.wordCount,
    });
    expect(entry.paragraphs.map((paragraph) => paragraph.number)).toEqual(
      snapshot.segments.map((_, index) => index + 1),
    );
    expect(entry.paragraphs.map((paragraph) => paragraph.text)).toEqual(
      snapshot.segments.map((segment) => segment.text),
    );
    const names = new Set(snapshot.speakers.map((speaker) => speaker.name));
    expect(new Set(entry.appearances.map((appearance) => appearance.name))).toEqual(
      new Set([...names].filter((name) => entry.paragraphs.some((paragraph) => paragraph.speakerName === name))),
    );
    const paragraphTotal = entry.appearances.reduce((sum, appearance) => sum + appearance.paragraphCount, 0);
    expect(paragraphTotal).toBe(entry.paragraphs.filter((paragraph) => paragraph.speakerSlug).length);
    expect(entry.topics).toEqual([
      {
        transcriptId: "tr_1",
        entityId: "en_1",
        type: "TOPIC",
        slug: "inf-treaty",
        name: "INF Treaty",
        mentionCount: 3,
      },
      // The tag "INF Treaty" is that topic; the tag "NATO" is a topic of its own (lib/publishing/topics.ts).
      { transcriptId: "tr_1", entityId: "tag:nato", type: "TOPIC", slug: "nato", name: "NATO", mentionCount: 0 },
    ]);
    const quotes = snapshot.annotations.filter((annotation) => annotation.kind === "QUOTE");
    expect(entry.quotes.map((quote) => quote.annotationId)).toEqual(quotes.map((quote) => quote.id));
    expect(entry.listing.quoteCount).toBe(quotes.length);
  });

  it("a publication whose every paragraph is timed is marked timed; one untimed paragraph is enough to say no", () => {
    const timed = makePublicTranscript();
    const dates = { publicSlug: "x", firstPublishedAt: new Date(), updatedAt: new Date() };
    const allTimed = {
      ...timed,
      segments: timed.segments.map((segment, index) => ({
        ...segment,
        startMs: index * 1000,
        endMs: index * 1000 + 900,
      })),
    };
    expect(indexEntry("a", allTimed, dates).listing.timed).toBe(true);
    const oneUntimed = {
      ...allTimed,
      segments: allTimed.segments.map((segment, index) => (index === 0 ? { ...segment, startMs: null } : segment)),
    };
    expect(indexEntry("a", oneUntimed, dates).listing.timed).toBe(false);
  });
});
