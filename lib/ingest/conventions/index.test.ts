import { describe, expect, it } from "vitest";
import { ingestFixture, utf8 } from "../test-support/fixtures";
import { ingestFile } from "../pipeline";
import { SPEAKER_CONVENTIONS } from ".";

describe("the list of speaker conventions", () => {
  it("ends with plain labels, the fallback, and has one module per id", () => {
    expect(SPEAKER_CONVENTIONS.at(-1)?.id).toBe("labels");
    expect(new Set(SPEAKER_CONVENTIONS.map((convention) => convention.id)).size).toBe(SPEAKER_CONVENTIONS.length);
  });

  it("recognises none in a monologue with no labels", async () => {
    const result = await ingestFixture("nato-press-conference-2019-02-14.txt");
    expect(result.convention).toBeNull();
    expect(result.speakerMerges).toEqual([]);
  });

  it("recognises plain Name: labels, and Markdown bold names, in the existing fixtures", async () => {
    expect((await ingestFixture("qa-session.txt")).convention).toEqual({
      id: "labels",
      name: "Speaker labels (Name:)",
    });
    expect((await ingestFixture("press-briefing.md")).convention?.id).toBe("markdown-bold");
  });

  it("still reads a label that first appears after the opening lines", async () => {
    const opening = Array.from({ length: 45 }, (_, index) => `Opening remark number ${index + 1}.`).join("\n");
    const result = await ingestFile({ bytes: utf8(`${opening}\n\nMARIA KASK: Thank you.`), filename: "late.txt" });
    expect(result.convention?.id).toBe("labels");
    expect(result.segments.at(-1)).toMatchObject({ speaker: "Maria Kask", text: "Thank you." });
  });
});
