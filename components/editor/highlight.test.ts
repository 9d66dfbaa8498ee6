import { describe, expect, it } from "vitest";
import { rangesAt, shiftRanges, splitIntoRuns } from "./highlight";

const note = { id: "note", start: 4, end: 9 };
const check = { id: "check", start: 6, end: 15 };

describe("splitIntoRuns", () => {
  it("answers one plain run without ranges, and nothing for empty text", () => {
    expect(splitIntoRuns("Hello", [])).toEqual([{ start: 0, end: 5, text: "Hello", ranges: [] }]);
    expect(splitIntoRuns("", [note])).toEqual([]);
  });

  it("marks a range and keeps every character", () => {
    const runs = splitIntoRuns("The quick brown fox", [note]);
    expect(runs.map((run) => run.text)).toEqual(["The ", "quick", " brown fox"]);
    expect(runs.map((run) => run.ranges.map((range) => range.id))).toEqual([[], ["note"], []]);
    expect(runs.map((run) => run.text).join("")).toBe("The quick brown fox");
  });

  it("splits overlapping ranges into runs covered by one, both, then the other", () => {
    const runs = splitIntoRuns("The quick brown fox", [note, check]);
    expect(runs.map((run) => [run.text, run.ranges.map((range) => range.id)])).toEqual([
      ["The ", []],
      ["qu", ["note"]],
      ["ick", ["note", "check"]],
      [" brown", ["check"]],
      [" fox", []],
    ]);
  });

  it("clamps ranges past the end of edited text and drops empty ones", () => {
    const runs = splitIntoRuns("Short", [
      { id: "past", start: 3, end: 40 },
      { id: "empty", start: 2, end: 2 },
      { id: "gone", start: 10, end: 12 },
    ]);
    expect(runs.map((run) => [run.text, run.ranges.map((range) => range.id)])).toEqual([
      ["Sho", []],
      ["rt", ["past"]],
    ]);
  });

  it("joins neighbouring runs under the same ranges", () => {
    const first = { id: "a", start: 0, end: 3 };
    const runs = splitIntoRuns("abcdef", [first, { id: "b", start: 3, end: 3 }]);
    expect(runs).toHaveLength(2);
  });
});

describe("rangesAt", () => {
  it("finds the ranges around a caret, including at their edges", () => {
    expect(rangesAt([note, check], 5).map((range) => range.id)).toEqual(["note"]);
    expect(rangesAt([note, check], 9).map((range) => range.id)).toEqual(["note", "check"]);
    expect(rangesAt([note, check], 20)).toEqual([]);
  });

  it("finds the ranges a selection overlaps", () => {
    expect(rangesAt([note, check], 0, 5).map((range) => range.id)).toEqual(["note"]);
    expect(rangesAt([note, check], 9, 10).map((range) => range.id)).toEqual(["check"]);
  });
});

describe("shiftRanges", () => {
  const range = { id: "r", start: 4, end: 9 };

  it("keeps ranges before an edit and shifts ranges after it", () => {
    expect(shiftRanges([range], "The quick fox", "The quick red fox")[0]).toMatchObject({ start: 4, end: 9 });
    expect(shiftRanges([range], "The quick fox", "Oh, The quick fox")[0]).toMatchObject({ start: 8, end: 13 });
  });

  it("grows a range typed into and shrinks one deleted from", () => {
    expect(shiftRanges([range], "The quick fox", "The quiiick fox")[0]).toMatchObject({ start: 4, end: 11 });
    expect(shiftRanges([range], "The quick fox", "The qk fox")[0]).toMatchObject({ start: 4, end: 6 });
  });

  it("answers the same ranges when nothing changed", () => {
    expect(shiftRanges([range], "same", "same")).toEqual([range]);
  });
});
