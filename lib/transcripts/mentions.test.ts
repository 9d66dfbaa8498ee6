import { describe, expect, it } from "vitest";
import { mentionMatcher } from "@/lib/transcripts/mentions";

function findMentions(text: string, name: string) {
  return mentionMatcher([name])(text).map(({ start, end }) => ({ start, end }));
}

describe("mentions of one name", () => {
  it("finds whole-word occurrences with their offsets", () => {
    const text = "Kosovo and the Kosovo Security Force; not Kosovoan.";
    expect(findMentions(text, "Kosovo")).toEqual([
      { start: 0, end: 6 },
      { start: 15, end: 21 },
    ]);
  });

  it("treats accented letters as part of a word and escapes punctuation in names", () => {
    expect(findMentions("Café Müller met Müllerová", "Müller")).toEqual([{ start: 5, end: 11 }]);
    expect(findMentions("The U.S. and the UK", "U.S.")).toEqual([{ start: 4, end: 8 }]);
  });

  it("finds nothing for an empty name", () => {
    expect(findMentions("anything", " ")).toEqual([]);
  });
});

describe("mentionMatcher", () => {
  it("finds every name in one pass, preferring the longer name at the same place", () => {
    const match = mentionMatcher(["Kosovo", "Kosovo Security Force", "NATO", ""]);
    expect(match("NATO and the Kosovo Security Force in Kosovo.")).toEqual([
      { name: "NATO", start: 0, end: 4 },
      { name: "Kosovo Security Force", start: 13, end: 34 },
      { name: "Kosovo", start: 38, end: 44 },
    ]);
  });

  it("matches nothing when there are no names", () => {
    expect(mentionMatcher([])("NATO")).toEqual([]);
  });
});
