import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestFile } from "../pipeline";

const LANGUAGES = path.join(__dirname, "..", "fixtures", "languages");

async function ingestLanguageFixture(name: string) {
  return ingestFile({ bytes: readFileSync(path.join(LANGUAGES, name)), filename: name });
}

describe("speaker labels in other languages", () => {
  it("reads a German press conference's “Frage:” as a question, not as a person called Frage", async () => {
    const result = await ingestLanguageFixture("de-pressekonferenz.txt");
    const questions = result.segments.filter((segment) => segment.text.startsWith("Herr Bundeskanzler, werden"));
    expect(questions.map((segment) => segment.speaker)).toEqual(["Question"]);
    expect(result.speakers.map((speaker) => speaker.name)).not.toContain("Frage");
    expect(result.speakers.find((speaker) => speaker.name === "Question")?.role).toBe("questioner");
  });

  it("never joins a short name to a heading misread as a name", async () => {
    const result = await ingestLanguageFixture("de-pressekonferenz.txt");
    expect(result.speakerMerges).toEqual([]);
    expect(result.speakers.map((speaker) => speaker.name)).toEqual(expect.arrayContaining(["Scholz", "Tusk"]));
  });
});
