import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../formats/markdown";
import { readSpeakerConvention } from ".";
import { conventionFixture, ingestConventionFixture, wordsAccountedFor, wordsWithoutLabels } from "./test-support";

describe("Markdown bold names", () => {
  it("reads **Name:**, **Name**: and **(Name)**, taking the label off the text", () => {
    const { lines } = parseMarkdown(
      "**Dana Whitfield:** Welcome.\n\n**Marcus Lee**: Thanks.\n\n**(Rosa Delgado)** Hello.\n\n**(Dana Whitfield)**\nNext.",
    );
    const reading = readSpeakerConvention(lines);
    expect(reading.convention).toEqual({ id: "markdown-bold", name: "Markdown bold names" });
    expect(
      reading.lines.map((line) => [typeof line.turn?.speaker === "object" ? line.turn.speaker?.name : null, line.text]),
    ).toEqual([
      ["Dana Whitfield", "Welcome."],
      ["Marcus Lee", "Thanks."],
      ["Rosa Delgado", "Hello."],
      ["Dana Whitfield", ""],
      [null, "Next."],
    ]);
  });

  it("does not take bold words in a sentence for a label", () => {
    const { lines } = parseMarkdown("**Important:** the figures are provisional.\n\nWe said **no** to that.");
    expect(readSpeakerConvention(lines).convention).toBeNull();
  });

  for (const [name, labels] of [
    ["bold-names.md", [/^\*\*[^*]+:\*\*/]],
    ["bold-parenthesised-names.md", [/^\*\*\([^)]+\)\*\*/]],
  ] as const) {
    it(`reads ${name} end to end: speakers, merges, no labels in speech, every word`, async () => {
      const text = conventionFixture(name);
      const result = await ingestConventionFixture(name);
      expect(result.convention?.id).toBe("markdown-bold");
      expect(result.title).toBe("City Desk: the harbor flood barrier");
      const speakers = result.speakers.map((speaker) => speaker.name);
      expect(speakers).toEqual(expect.arrayContaining(["Dana Whitfield", "Marcus Lee", "Rosa Delgado"]));
      expect(speakers).toHaveLength(3);
      expect(result.speakerMerges).toEqual(name === "bold-names.md" ? [{ from: "Dana", into: "Dana Whitfield" }] : []);
      for (const segment of result.segments) expect(segment.text).not.toMatch(/\*\*|Whitfield:|\(Marcus Lee\)/);
      expect(wordsAccountedFor(result)).toBe(wordsWithoutLabels(text, labels));
    });
  }
});
