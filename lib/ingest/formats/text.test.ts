import { describe, expect, it } from "vitest";
import { ingestFile } from "../pipeline";
import { ingestFixture, speechOf, utf8 } from "../test-support/fixtures";

describe("plain-text Q&A", () => {
  it("recognises Q:, MODERATOR:, >> NAME: and Name (Outlet): labels", async () => {
    const result = await ingestFixture("qa-session.txt");
    expect(result.speakers).toEqual([
      { name: "Moderator", title: null, role: "moderator", outlet: null },
      { name: "Question", title: null, role: "questioner", outlet: null },
      { name: "Maria Kask", title: null, role: null, outlet: null },
      { name: "Anna Berg", title: null, role: "questioner", outlet: "Postimees" },
    ]);
    expect(result.segments.map((segment) => segment.speaker)).toEqual([
      "Moderator",
      "Question",
      "Maria Kask",
      "Anna Berg",
      "Maria Kask",
    ]);
  });

  it("rejoins a line broken mid-sentence, and takes no label from “Note:” or “He said:”", async () => {
    const result = await ingestFixture("qa-session.txt");
    expect(result.segments[1]?.text).toBe(
      "Minister, how many aircraft will rotate through Ämari this year, and who pays for the runway upgrade?",
    );
    expect(result.segments[2]?.text).toBe(
      "Four aircraft will rotate through this year. Note: the following figures are provisional. The runway works " +
        "cost forty million euros, shared with our Allies.",
    );
    expect(result.segments[4]?.text).toBe(
      "He said: we will send two aircraft for the summer rotation. Follow the money, as they say. We subscribe to " +
        "this view.",
    );
  });

  it("keeps speech that merely sounds like a footer at the very end", async () => {
    const result = await ingestFixture("qa-session.txt");
    expect(result.removed.map((line) => line.reasonCode)).toEqual(["title", "title"]);
    expect(speechOf(result)).toMatch(/Follow the money, as they say\. We subscribe to this view\.$/);
  });

  it("takes the title, and the date and place from the dateline under it", async () => {
    const result = await ingestFixture("qa-session.txt");
    expect(result.title).toBe("Press briefing on the Baltic air policing mission");
    expect(result.occurredAt).toBe("2021-03-03");
    expect(result.place).toBe("Tallinn");
    expect(result.removed[1]).toMatchObject({ line: 2, text: "TALLINN, 3 March 2021", reasonCode: "title" });
  });

  it("breaks paragraphs at blank lines that end a sentence, not at one inside a sentence", async () => {
    const text = "We met in Riga.\n\nThe talks went well, and\n\nwe agreed to meet again.\n";
    const result = await ingestFile({ bytes: utf8(text), filename: "pasted.txt" });
    expect(result.segments.map((segment) => segment.text)).toEqual([
      "We met in Riga.",
      "The talks went well, and we agreed to meet again.",
    ]);
    expect(result.title).toBeNull();
  });

  // A stage direction alone on its line is nobody's words: it stands as its own unattributed paragraph (issue 9).
  it("reads [NAME] and SPEAKER 1: labels, and keeps a stage direction out of the speaker's words", async () => {
    const text = "[JOHN OKAFOR] We are ready.\nSPEAKER 2: Then let us begin.\n[APPLAUSE]\n";
    const result = await ingestFile({ bytes: utf8(text), filename: "pasted.txt" });
    expect(result.segments.map((segment) => [segment.speaker, segment.text])).toEqual([
      ["John Okafor", "We are ready."],
      ["Speaker 2", "Then let us begin."],
      [null, "[APPLAUSE]"],
    ]);
  });
});
