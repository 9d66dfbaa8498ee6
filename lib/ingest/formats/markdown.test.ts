import { describe, expect, it } from "vitest";
import { ingestFile } from "../pipeline";
import { ingestFixture, utf8 } from "../test-support/fixtures";

describe("Markdown", () => {
  it("takes the title from the # heading and the date and place from it", async () => {
    const result = await ingestFixture("press-briefing.md");
    expect(result.source).toMatchObject({ format: "md", mediaType: "text/markdown" });
    expect(result.title).toBe("Briefing on the winter flood response, Rotterdam");
    expect(result.occurredAt).toBe("2024-01-12");
    expect(result.place).toBe("Rotterdam");
  });

  it("reads **NAME:** labels, strips emphasis, and keeps later headings as unattributed paragraphs", async () => {
    const result = await ingestFixture("press-briefing.md");
    expect(result.segments.map((segment) => [segment.speaker, segment.text])).toEqual([
      ["Moderator", "Good afternoon. The mayor will make a short statement, then take questions."],
      [
        "Ahmed Aboutaleb",
        "Thank you. The water at the storm surge barrier peaked at 3.1 metres overnight, and the barrier closed as " +
          "designed. No homes were flooded.",
      ],
      [null, "Questions"],
      ["Lotte de Vries", "How long will the barrier stay closed?"],
      [
        "Ahmed Aboutaleb",
        "Until the tide turns tomorrow morning. We will publish the exact times on the city website.",
      ],
    ]);
    expect(result.speakers).toEqual([
      { name: "Moderator", title: null, role: "moderator", outlet: null },
      { name: "Ahmed Aboutaleb", title: "Mayor", role: "official", outlet: null },
      { name: "Lotte de Vries", title: null, role: "questioner", outlet: "NRC" },
    ]);
  });

  it("removes the rule and the social footer", async () => {
    const result = await ingestFixture("press-briefing.md");
    expect(result.removed.map((line) => [line.line, line.reasonCode, line.text])).toEqual([
      [1, "title", "Briefing on the winter flood response, Rotterdam, 12 January 2024"],
      [15, "separator", "---"],
      [17, "social", "Follow us on Instagram and subscribe for updates!"],
    ]);
  });

  it("is recognised by a first-line heading when named .txt", async () => {
    const result = await ingestFile({ bytes: utf8("# Town hall\n\nGood evening.\n"), filename: "notes.txt" });
    expect(result.source.format).toBe("md");
    expect(result.title).toBe("Town hall");
  });
});
