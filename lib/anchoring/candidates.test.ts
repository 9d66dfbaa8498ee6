import { describe, expect, it } from "vitest";
import { findCandidates } from "./candidates";
import { quoteSelector } from "./selectors";
import { anchorOn } from "./test-support";

describe("findCandidates", () => {
  it("offers the moved words first, then another copy with a different context", () => {
    const before = "The committee meets at 10:30. Chloé Bérubé will chair it. Questions come after.";
    const after = "Chloé Bérubé will chair it, she said. The committee meets at 10:30. Questions come after.";
    const { quote } = anchorOn(before, "Bérubé will chair");
    const [best] = findCandidates(after, quote);
    expect(best).toMatchObject({ start: after.indexOf("Bérubé"), exact: "Bérubé will chair", errors: 0 });
  });

  it("ranks the copy whose surrounding text matches above one that only shares the words", () => {
    const before = "We’ve heard the question before, and we’ve answered it before.";
    const start = before.indexOf("before");
    const quote = quoteSelector(before, { start, end: start + 6 });
    const after = "We’ve heard the question before it was asked, and we’ve answered it before.";
    const candidates = findCandidates(after, quote);
    expect(candidates.map((candidate) => candidate.start)).toEqual([
      after.indexOf("before"),
      after.lastIndexOf("before"),
    ]);
    expect(candidates[0]?.score).toBeGreaterThan(candidates[1]?.score ?? 1);
  });

  it("finds words with a typo fixed, counting the changed letters", () => {
    const before = "The minister said the alliance is strnog and united.";
    const { quote } = anchorOn(before, "alliance is strnog");
    const after = "United, the alliance is strong, the minister said.";
    const [best] = findCandidates(after, quote);
    expect(best).toMatchObject({ exact: "alliance is strong", errors: 2 });
  });

  it("never cuts an emoji in half and trims spaces from the edges", () => {
    const before = "Leaders of the EU 🇪🇺 met today.";
    const { quote } = anchorOn(before, "EU 🇪🇺");
    const after = "Today the EU 🇪🇺 leaders met.";
    const [best] = findCandidates(after, quote);
    expect(best?.exact).toBe("EU 🇪🇺");
  });

  it("offers nothing for words that are nowhere, and nothing for an empty quote", () => {
    const { quote } = anchorOn("The budget was approved by parliament.", "budget was approved");
    expect(findCandidates("Weather forecasts predict snow tomorrow.", quote)).toEqual([]);
    expect(findCandidates("Anything", { exact: " ", prefix: "", suffix: "" })).toEqual([]);
  });

  it("returns at most `limit` candidates, none overlapping", () => {
    const text = "no no no no no no no no";
    const candidates = findCandidates(text, { exact: "no", prefix: "", suffix: "" }, { limit: 3 });
    expect(candidates).toHaveLength(3);
    const starts = candidates.map((candidate) => candidate.start);
    expect(new Set(starts).size).toBe(3);
    for (const candidate of candidates) expect(text.slice(candidate.start, candidate.end)).toBe("no");
  });
});
