// The reference transcript from the issue: a NATO press conference copied from a video page, footer and all.
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, ingestFixture, speechOf } from "./test-support/fixtures";
import type { IngestResult } from "./types";

const NAME = "nato-press-conference-2019-02-14.txt";
const TITLE_LINE =
  "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers, 14 February 2019.";

const FOOTER: [string, string][] = [
  ["▬▬▬▬▬▬▬▬▬▬▬▬▬▬▬▬▬▬", "separator"],
  ["SUBSCRIBE to this channel [ Ссылка ]", "subscribe"],
  ["SUBSCRIBE to NATO News [ Ссылка ]", "subscribe"],
  ["SUBSCRIBE to NATO History [ Ссылка ]", "subscribe"],
  ["Connect with NATO online:", "social"],
  ["Visit the Official NATO Homepage: [ Ссылка ]", "link-placeholder"],
  ["Find NATO on FACEBOOK: [ Ссылка ]", "social"],
  ["Follow @NATO on TWITTER: [ Ссылка ]", "social"],
  ["Follow NATO on Instagram: [ Ссылка ]", "social"],
  ["Find NATO on Google+: [ Ссылка ]", "social"],
  ["Find NATO on LinkedIn: [ Ссылка ]", "social"],
  ["Find NATO on Flickr: [ Ссылка ]", "social"],
  ["#NATO #DefMin #OTAN", "hashtags"],
  ["Ещё видео!", "more-videos"],
];

function sourceLines(): string[] {
  return new TextDecoder().decode(fixture(NAME)).split("\n");
}

describe("the NATO press conference fixture", () => {
  let result: IngestResult;

  beforeAll(async () => {
    result = await ingestFixture(NAME);
  });

  it("is read as UTF-8 plain text", () => {
    expect(result.source).toMatchObject({ format: "txt", encoding: "utf-8", mediaType: "text/plain", bytes: 3909 });
  });

  it("takes the title from the first line, without its date", () => {
    expect(result.title).toBe(
      "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers",
    );
    expect(result.occurredAt).toBe("2019-02-14");
    expect(result.place).toBeNull();
    expect(result.language).toBe("en");
    expect(result.removed[0]).toMatchObject({ id: 1, line: 1, text: TITLE_LINE, reasonCode: "title" });
  });

  it("removes and reports every footer line with the right reason", () => {
    const footer = result.removed.filter((line) => line.reasonCode !== "title");
    expect(footer.map((line) => [line.text, line.reasonCode])).toEqual(FOOTER);
    const lines = sourceLines();
    for (const removed of footer) expect(lines[removed.line - 1]).toBe(removed.text);
    for (const removed of result.removed) expect(removed.reason).toMatch(/^[A-Z].+\.$/);
    expect(new Set(result.removed.map((line) => line.id)).size).toBe(result.removed.length);
  });

  it("keeps every line of speech, ending with the invitation to questions", () => {
    const speech = speechOf(result);
    const spokenLines = sourceLines().slice(1, 1 + 28);
    expect(spokenLines.at(-1)).toBe("And with that, I’m ready to take your questions.");
    for (const line of spokenLines) expect(speech).toContain(line.trim());
    expect(result.segments.at(-1)?.text.endsWith("And with that, I’m ready to take your questions.")).toBe(true);
    expect(speech).not.toMatch(/SUBSCRIBE|Ссылка|#NATO|Ещё/);
  });

  it("joins the line broken after a comma into one sentence", () => {
    expect(speechOf(result)).toContain(
      "At this informal breakfast, hosted by UK Defence Minister Gavin Williamson, Allies expressed strong support",
    );
  });

  it("groups the one-sentence lines into paragraphs of sensible size", () => {
    expect(result.segments.length).toBeGreaterThanOrEqual(3);
    for (const segment of result.segments) {
      expect(segment.text.split(" ").length).toBeLessThanOrEqual(140);
      expect(segment.text).toMatch(/[.?!]$/);
      expect(segment.startMs).toBeNull();
    }
  });

  it("attributes every paragraph to Jens Stoltenberg, named by the title", () => {
    expect(result.speakers).toEqual([
      { name: "Jens Stoltenberg", title: "NATO Secretary General", role: "official", outlet: null },
    ]);
    for (const segment of result.segments) expect(segment.speaker).toBe("Jens Stoltenberg");
    expect(result.durationMs).toBeNull();
  });

  it("finds the people and places named", () => {
    expect(result.entities).toContainEqual(expect.objectContaining({ type: "person", name: "Federica Mogherini" }));
    expect(result.entities).toContainEqual({ type: "place", name: "Kosovo", mentions: 3 });
    expect(result.entities).toContainEqual({ type: "place", name: "Ukraine", mentions: 3 });
    expect(result.entities).toContainEqual(expect.objectContaining({ type: "org", name: "NATO" }));
    const names = result.entities.map((entity) => entity.name);
    expect(names).not.toContain("Ukraine’s");
    // "the Sea of Azov" is one place; "the meeting of NATO Heads of State and Government" names no one else.
    expect(result.entities).toContainEqual({ type: "place", name: "Sea of Azov", mentions: 1 });
    for (const word of ["Azov", "Sea", "Heads", "State", "Government", "Alliance", "Afghan"]) {
      expect(names).not.toContain(word);
    }
    // Named only in the title, he has no mention in the text to show (he is its speaker).
    expect(names).not.toContain("Jens Stoltenberg");
    expect(result.entities).toContainEqual({ type: "org", name: "NATO", mentions: 8 });
    for (const entity of result.entities) expect(entity.mentions, entity.name).toBeGreaterThan(0);
    const mentions = result.entities.map((entity) => entity.mentions);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
  });

  it("counts the words of the kept text", () => {
    // "High Representative / Vice President": the slash is not a word.
    const words = result.segments.flatMap((segment) => segment.text.split(/\s+/)).filter((word) => word !== "/");
    expect(result.wordCount).toBe(words.length);
    expect(result.wordCount).toBe(516);
  });

  it("puts a restored footer line back in its place, and keeps the other ids", async () => {
    const more = result.removed.find((line) => line.text === "Ещё видео!");
    const hashtags = result.removed.find((line) => line.reasonCode === "hashtags");
    if (!more || !hashtags) throw new Error("footer lines missing");
    const restored = await ingestFixture(NAME, [more.id]);
    expect(restored.removed.map((line) => line.text)).not.toContain("Ещё видео!");
    expect(restored.removed).toContainEqual(hashtags);
    expect(restored.segments.at(-1)?.text.endsWith("Ещё видео!")).toBe(true);
  });

  it("restores the title line into the text while keeping the title", async () => {
    const restored = await ingestFixture(NAME, [1]);
    expect(restored.title).toBe(result.title);
    expect(restored.segments[0]?.text.startsWith(TITLE_LINE)).toBe(true);
    expect(restored.removed.some((line) => line.reasonCode === "title")).toBe(false);
  });
});
