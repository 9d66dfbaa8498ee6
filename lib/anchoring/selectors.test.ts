import { describe, expect, it } from "vitest";
import { CONTEXT_LENGTH, findQuote, isValidRange, quoteSelector } from "./selectors";

describe("quoteSelector", () => {
  const text = "Stoltenberg said the alliance is strong.";

  it("takes the exact words and the context around them", () => {
    expect(quoteSelector(text, { start: 17, end: 29 })).toEqual({
      exact: "the alliance",
      prefix: "Stoltenberg said ",
      suffix: " is strong.",
    });
  });

  it("gives a shorter or empty context at the edges of the text", () => {
    expect(quoteSelector(text, { start: 0, end: 11 })).toEqual({
      exact: "Stoltenberg",
      prefix: "",
      suffix: " said the alliance is strong.",
    });
    expect(quoteSelector(text, { start: 30, end: 40 })).toEqual({
      exact: "is strong.",
      prefix: "Stoltenberg said the alliance ",
      suffix: "",
    });
  });

  it("caps the context at CONTEXT_LENGTH characters either side", () => {
    const long = `${"a".repeat(50)}QUOTE${"b".repeat(50)}`;
    const quote = quoteSelector(long, { start: 50, end: 55 });
    expect(quote).toEqual({ exact: "QUOTE", prefix: "a".repeat(CONTEXT_LENGTH), suffix: "b".repeat(CONTEXT_LENGTH) });
  });

  it("never cuts an emoji in half at the edge of the context", () => {
    const emoji = "😀";
    // 32 units before "x" and 32 after it both fall between the two halves of an emoji.
    const long = `a${emoji.repeat(20)}-x-${emoji.repeat(20)}`;
    const quote = quoteSelector(long, { start: 42, end: 43 });
    expect(quote.exact).toBe("x");
    expect(quote.prefix).toBe(`${emoji.repeat(15)}-`);
    expect(quote.suffix).toBe(`-${emoji.repeat(15)}`);
  });
});

describe("isValidRange", () => {
  it("accepts a non-empty integer range inside the text", () => {
    expect(isValidRange("abc", { start: 0, end: 3 })).toBe(true);
    expect(isValidRange("abc", { start: 2, end: 3 })).toBe(true);
  });

  it("rejects empty, reversed, out-of-bounds and fractional ranges", () => {
    expect(isValidRange("abc", { start: 1, end: 1 })).toBe(false);
    expect(isValidRange("abc", { start: 2, end: 1 })).toBe(false);
    expect(isValidRange("abc", { start: -1, end: 2 })).toBe(false);
    expect(isValidRange("abc", { start: 1, end: 4 })).toBe(false);
    expect(isValidRange("abc", { start: 0.5, end: 2 })).toBe(false);
    expect(isValidRange("abc", { start: 0, end: Number.NaN })).toBe(false);
  });
});

describe("findQuote", () => {
  it("finds nothing when the words are absent or the quote is empty", () => {
    expect(findQuote("the alliance is strong", { exact: "weak", prefix: "", suffix: "" })).toEqual([]);
    expect(findQuote("the alliance is strong", { exact: "", prefix: "", suffix: "" })).toEqual([]);
  });

  it("ranks occurrences by how much of the prefix and suffix match next to them", () => {
    const text = "NATO is strong. Stoltenberg said NATO is united. Later, NATO is strong again.";
    const found = findQuote(text, { exact: "NATO", prefix: "Stoltenberg said ", suffix: " is strong" });
    // The second occurrence has the whole prefix (17) and " is " (4); the third " is strong" (10) and the space
    // before it (1); the first, at the very start, only " is strong" (10).
    expect(found.map(({ range, score }) => [range.start, score])).toEqual([
      [33, 21],
      [56, 11],
      [0, 10],
    ]);
  });

  it("finds overlapping occurrences", () => {
    expect(findQuote("aaa", { exact: "aa", prefix: "", suffix: "" }).map(({ range }) => range)).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 3 },
    ]);
  });
});
