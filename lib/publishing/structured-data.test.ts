import { describe, expect, it } from "vitest";
import { makePublicTranscript } from "@/lib/publishing/test-fixture";
import { buildTranscriptStructuredData, serializeJsonLd, type JsonLdObject } from "./structured-data";

const SITE = { name: "The Daily Record", url: "https://news.example.org" };

function parse(json: string): JsonLdObject[] {
  return JSON.parse(json) as JsonLdObject[];
}

describe("structured data", () => {
  it("describes the transcript as a free NewsArticle about the event, mentioning its speakers", () => {
    const [article] = parse(serializeJsonLd(buildTranscriptStructuredData(makePublicTranscript(), SITE)));
    expect(article).toMatchObject({
      "@type": "NewsArticle",
      headline: "NATO Secretary General press conference",
      url: "https://news.example.org/t/nato-press-conference",
      datePublished: "2019-02-14T16:00:00.000Z",
      dateModified: "2019-02-15T09:30:00.000Z",
      description: "Jens Stoltenberg on the INF Treaty and defence spending.",
      isAccessibleForFree: true,
      about: { "@type": "Event", startDate: "2019-02-14T00:00:00.000Z", location: { name: "Brussels" } },
      publisher: { "@type": "Organization", name: "The Daily Record" },
    });
    expect(article!.mentions).toEqual([
      {
        "@type": "Person",
        name: "Jens Stoltenberg",
        jobTitle: "Secretary General",
        affiliation: { "@type": "Organization", name: "NATO" },
      },
      { "@type": "Person", name: "Ana Ribeiro", affiliation: { "@type": "Organization", name: "Público" } },
    ]);
  });

  it("uses the publication date as dateModified until the transcript is updated, and leaves out missing fields", () => {
    const [article] = buildTranscriptStructuredData(makePublicTranscript({ updatedAt: null, summary: null }), SITE);
    const parsed = JSON.parse(serializeJsonLd(article)) as JsonLdObject;
    expect(parsed.dateModified).toBe("2019-02-14T16:00:00.000Z");
    expect("description" in parsed).toBe(false);
  });

  it("publishes one ClaimReview per fact-check with its verdict, claim, speaker and passage", () => {
    const data = buildTranscriptStructuredData(makePublicTranscript(), SITE);
    const reviews = data.filter((item) => item["@type"] === "ClaimReview");
    expect(reviews).toHaveLength(1);
    expect(JSON.parse(serializeJsonLd(reviews[0]))).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://news.example.org/t/nato-press-conference#note-an_fact",
      claimReviewed: "Russia is in material breach of the INF Treaty.",
      datePublished: "2019-02-14T16:00:00.000Z",
      author: { "@type": "Organization", name: "The Daily Record", url: "https://news.example.org" },
      reviewRating: { "@type": "Rating", alternateName: "Accurate", ratingValue: 5, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        "@type": "Claim",
        author: {
          "@type": "Person",
          name: "Jens Stoltenberg",
          jobTitle: "Secretary General",
          affiliation: { "@type": "Organization", name: "NATO" },
        },
        datePublished: "2019-02-14T00:00:00.000Z",
        appearance: { "@type": "CreativeWork", url: "https://news.example.org/t/nato-press-conference#p-1" },
      },
    });
  });

  it("rates an unverifiable claim by name only, and skips fact-checks without a verdict", () => {
    const base = makePublicTranscript();
    const fact = base.annotations[0]!;
    const transcript = makePublicTranscript({
      annotations: [
        { ...fact, id: "a", verdict: "UNVERIFIABLE", claim: null },
        { ...fact, id: "b", verdict: null },
      ],
    });
    const reviews = buildTranscriptStructuredData(transcript, SITE).slice(1);
    expect(reviews).toHaveLength(1);
    const review = JSON.parse(serializeJsonLd(reviews[0])) as { reviewRating: object; claimReviewed: string };
    expect(review.reviewRating).toEqual({
      "@type": "Rating",
      alternateName: "Unverifiable",
      bestRating: 5,
      worstRating: 1,
    });
    expect(review.claimReviewed).toBe(fact.exact);
  });

  it("names the people in the byline as author and editor Persons, linked to their author pages", () => {
    const byline = {
      authors: [
        { name: "Rita Reporter", path: "/authors/rita-reporter" },
        { name: "Sam Stringer", path: "/authors/sam-stringer" },
      ],
      newsroomAuthors: false,
      editor: { name: "Eddie Editor", path: "/authors/eddie-editor" },
      newsroomEditor: false,
    };
    const [article] = parse(serializeJsonLd(buildTranscriptStructuredData(makePublicTranscript(), SITE, byline)));
    expect(article!.author).toEqual([
      { "@type": "Person", name: "Rita Reporter", url: "https://news.example.org/authors/rita-reporter" },
      { "@type": "Person", name: "Sam Stringer", url: "https://news.example.org/authors/sam-stringer" },
    ]);
    expect(article!.editor).toEqual({
      "@type": "Person",
      name: "Eddie Editor",
      url: "https://news.example.org/authors/eddie-editor",
    });
  });

  it("credits the newsroom for anyone not named, and names no editor who opted out", () => {
    const alone = { authors: [], newsroomAuthors: true, editor: null, newsroomEditor: true };
    const [article] = parse(serializeJsonLd(buildTranscriptStructuredData(makePublicTranscript(), SITE, alone)));
    expect(article!.author).toEqual({ "@type": "Organization", name: "The Daily Record", url: SITE.url });
    expect("editor" in article!).toBe(false);
    const mixed = { ...alone, authors: [{ name: "Rita Reporter", path: "/authors/rita-reporter" }] };
    const [withNewsroom] = parse(serializeJsonLd(buildTranscriptStructuredData(makePublicTranscript(), SITE, mixed)));
    expect(withNewsroom!.author).toEqual([
      { "@type": "Person", name: "Rita Reporter", url: "https://news.example.org/authors/rita-reporter" },
      { "@type": "Organization", name: "The Daily Record", url: SITE.url },
    ]);
  });

  it("cannot be broken out of its script element by a title, speaker or claim", () => {
    const hostile = "</script><script>alert(1)</script><!--";
    const base = makePublicTranscript();
    const transcript = makePublicTranscript({
      title: hostile,
      speakers: base.speakers.map((speaker) => ({ ...speaker, name: hostile })),
      annotations: base.annotations.map((annotation) => ({ ...annotation, claim: `${hostile} & \u2028` })),
    });
    const json = serializeJsonLd(buildTranscriptStructuredData(transcript, SITE));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain("\\u003c/script\\u003e");
    const [article] = parse(json);
    expect(article!.headline).toBe(hostile);
  });
});
