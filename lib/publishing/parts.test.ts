import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/anchoring/test-support";
import {
  estimateParagraphBytes,
  MAX_PARAGRAPHS_PER_PART,
  paragraphHref,
  partOfParagraph,
  partPath,
  partRange,
  partStarts,
  stableParagraphPath,
} from "./parts";
import type { PublishedAnnotation, PublishedSegment } from "./types";

const WORDS = ["the", "committee", "heard", "that", "2019", "€4.5m", "Zürich", "Ελλάδα", "the", "the", "flood", "👍"];

function segment(id: number, words: number, random: () => number): PublishedSegment {
  const text = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
  return { id: `s${id}`, speakerId: null, text, startMs: null, endMs: null };
}

function annotation(id: number, segmentId: string, body: string): PublishedAnnotation {
  return {
    id: `a${id}`,
    kind: "CONTEXT",
    segmentId,
    start: 0,
    end: 3,
    exact: "the",
    publishedExact: "the",
    anchored: true,
    body,
    verdict: null,
    claim: null,
    sources: [],
    checker: null,
  };
}

/** A transcript with paragraphs from empty to very long, notes on some, corrections on some. */
function transcript(seed: number, count: number) {
  const random = mulberry32(seed);
  const segments = Array.from({ length: count }, (_, index) =>
    segment(index, random() < 0.02 ? 3_000 : Math.floor(random() * 120), random),
  );
  const annotations = segments.flatMap((item, index) =>
    random() < 0.2 ? [annotation(index, item.id, "x".repeat(Math.floor(random() * 2_000)))] : [],
  );
  const corrections = segments.filter(() => random() < 0.05).map((item) => ({ segmentId: item.id }));
  return { segments, annotations, corrections };
}

describe("long reading pages in parts", () => {
  it("cuts greedily: each part is as full as the budget allows, never over it unless one paragraph is", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = transcript(seed, 50 + seed * 37);
      const budget = 20_000 + seed * 3_000;
      const starts = partStarts(input, budget);
      // The oracle: each paragraph's weight, summed part by part, computed here.
      const weight = input.segments.map((item) =>
        estimateParagraphBytes(
          item,
          input.annotations.filter((note) => note.segmentId === item.id),
          input.corrections.filter((correction) => correction.segmentId === item.id).length,
        ),
      );
      expect(starts[0]).toBe(0);
      for (let part = 1; part <= starts.length; part++) {
        const { from, to } = partRange(starts, input.segments.length, part);
        expect(to).toBeGreaterThan(from);
        const total = weight.slice(from, to).reduce((sum, value) => sum + value, 0);
        const count = to - from;
        expect(count).toBeLessThanOrEqual(MAX_PARAGRAPHS_PER_PART);
        if (count > 1) expect(total).toBeLessThanOrEqual(budget);
        // The next paragraph did not fit (or the part was full of paragraphs).
        if (to < input.segments.length) {
          expect(total + weight[to]! > budget || count === MAX_PARAGRAPHS_PER_PART).toBe(true);
        }
      }
      expect(partRange(starts, input.segments.length, starts.length).to).toBe(input.segments.length);
    }
  });

  it("finds the part of every paragraph, as a scan of the ranges does", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const input = transcript(seed, 300);
      const starts = partStarts(input, 15_000);
      const count = input.segments.length;
      for (let number = 1; number <= count; number++) {
        let expected = 0;
        for (let part = 1; part <= starts.length; part++) {
          const { from, to } = partRange(starts, count, part);
          if (number - 1 >= from && number - 1 < to) expected = part;
        }
        expect(partOfParagraph(starts, count, number)).toBe(expected);
      }
      for (const outside of [0, -1, count + 1, 1.5, Number.NaN])
        expect(partOfParagraph(starts, count, outside)).toBeNull();
    }
  });

  it("keeps a short transcript one page, and a long one of tiny paragraphs within the paragraph cap", () => {
    const short = transcript(7, 40);
    expect(partStarts(short)).toEqual([0]);
    const tiny = {
      segments: Array.from({ length: 2_500 }, (_, index) => ({
        id: `s${index}`,
        speakerId: null,
        text: "Yes.",
        startMs: null,
        endMs: null,
      })),
      annotations: [],
      corrections: [],
    };
    expect(partStarts(tiny, 10_000_000)).toEqual([0, 1_000, 2_000]);
    expect(partStarts({ segments: [], annotations: [], corrections: [] })).toEqual([0]);
  });

  it("writes the addresses of parts and paragraphs", () => {
    const starts = [0, 480, 960];
    expect(partPath("/t/hearing", 1)).toBe("/t/hearing");
    expect(partPath("/t/hearing", 3)).toBe("/t/hearing/part/3");
    expect(paragraphHref("/t/hearing", starts, 1_000, 480)).toBe("/t/hearing#p-480");
    expect(paragraphHref("/t/hearing", starts, 1_000, 481)).toBe("/t/hearing/part/2#p-481");
    expect(paragraphHref("/t/hearing", starts, 1_000, 1_000)).toBe("/t/hearing/part/3#p-1000");
    expect(stableParagraphPath("/t/hearing", 481)).toBe("/t/hearing/p/481");
  });
});
