import { describe, expect, it } from "vitest";
import { findMentions } from "@/lib/transcripts/mentions";

describe("findMentions", () => {
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
