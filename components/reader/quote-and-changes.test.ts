import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChangesView } from "./changes-view";
import { QuoteView } from "./quote-view";
import { parseId, parseSlug } from "@/lib/validations/route-params";
import { quoteFontSize } from "./share-card-text";
import { truncateAtWord } from "@/lib/format/text";
import { makePublicQuote, makePublicTranscript } from "@/lib/publishing/test-fixture";

describe("QuoteView", () => {
  it("shows the quote in a blockquote with its citation and a deep link to the passage", () => {
    const html = renderToStaticMarkup(createElement(QuoteView, { quote: makePublicQuote() }));
    expect(html).toMatch(/<blockquote[^>]*><p>“Allies have added 41 billion dollars since 2016”<\/p><\/blockquote>/);
    expect(html).toContain("Jens Stoltenberg</span>, Secretary General, NATO");
    expect(html).toContain('href="/t/nato-press-conference"');
    expect(html).toContain("14 February 2019");
    expect(html).toContain("Brussels");
    expect(html).toContain("at 0:14");
    expect(html).toContain(
      'href="/t/nato-press-conference#p-3:~:text=Allies%20have%20added%2041%20billion%20dollars%20since%202016"',
    );
    expect(html).toContain("Copy link");
    expect(html).not.toContain("changed by a correction");
  });

  it("says when a correction changed the quote, and what it first read", () => {
    const html = renderToStaticMarkup(
      createElement(QuoteView, {
        quote: makePublicQuote({
          changedByCorrection: {
            originalText: "Allies have added 40 billion dollars",
            at: "2019-02-16T10:00:00.000Z",
            reason: "The figure was misheard.",
          },
        }),
      }),
    );
    expect(html).toMatch(/This quote was changed by a correction on <time[^>]*>16 February 2019<\/time>/);
    expect(html).toContain("it originally read <q>Allies have added 40 billion dollars</q>");
    expect(html).toContain("The figure was misheard.");
  });

  it("renders markup in the quote, speaker and note as text", () => {
    const payload = "<script>alert(1)</script>";
    const quote = makePublicQuote();
    const html = renderToStaticMarkup(
      createElement(QuoteView, {
        quote: {
          ...quote,
          text: payload,
          body: payload,
          speaker: { ...quote.speaker!, name: payload },
          transcript: { ...quote.transcript, title: payload },
        },
      }),
    );
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("ChangesView", () => {
  it("shows only changed paragraphs, with deletions and insertions, and the corrections with reasons", () => {
    const current = makePublicTranscript();
    const first = {
      ...current,
      segments: current.segments.map((segment) =>
        segment.id === "seg_2" ? { ...segment, text: "Will allies spend two per cent this year?" } : segment,
      ),
      publishedAt: current.publishedAt,
    };
    const html = renderToStaticMarkup(createElement(ChangesView, { transcript: current, first }));
    expect(html).toContain('href="/t/nato-press-conference#p-2"');
    expect(html).not.toContain('href="/t/nato-press-conference#p-1"');
    expect(html).toMatch(/<del[^>]*>per cent\s*<\/del>/);
    expect(html).toMatch(/<ins[^>]*>percent\s*<\/ins>/);
    expect(html).toContain("The house style writes percent as one word.");
    expect(html.match(/<h1/g)).toHaveLength(1);
  });

  it("says so when the words are as first published", () => {
    const current = makePublicTranscript({ corrections: [] });
    const html = renderToStaticMarkup(
      createElement(ChangesView, { transcript: current, first: { ...current, publishedAt: current.publishedAt } }),
    );
    expect(html).toContain("The words are as first published.");
  });
});

describe("share cards and route parameters", () => {
  it("cuts long text at a word with an ellipsis", () => {
    expect(truncateAtWord("short quote", 50)).toBe("short quote");
    expect(truncateAtWord("one two three four five six", 15)).toBe("one two three…");
    expect(quoteFontSize("x".repeat(60))).toBeGreaterThan(quoteFontSize("x".repeat(200)));
  });

  it("accepts slugs and ids and refuses anything else", () => {
    expect(parseSlug("nato-press-conference-2")).toBe("nato-press-conference-2");
    expect(parseSlug("../etc")).toBeNull();
    expect(parseSlug("Upper")).toBeNull();
    expect(parseId("cm9x1abc")).toBe("cm9x1abc");
    expect(parseId("a b")).toBeNull();
  });
});
