// Subtitle files in the shapes meeting, streaming and subtitle tools write them (issue 18, "Files that still
// break"): each test also checks that every word in the file is in the text or listed as removed.
import { describe, expect, it } from "vitest";
import { countWords } from "../prose";
import { fixture, ingestFixture, speechOf } from "../test-support/fixtures";
import { subtitleWordsIn, wordsAccountedFor } from "../test-support/subtitles";

function fixtureText(name: string): string {
  return new TextDecoder().decode(fixture(name));
}

describe("Zoom closed captions (numbered cues, “Name: text”, 2–4 s between one speaker's cues)", () => {
  const name = "subtitles/zoom-captions.vtt";
  const labels = ["Jane Doe", "Omar Haddad", "Lena Fischer"];

  it("makes one paragraph per turn (a new one on a change of speaker, a silence over 10 s, past 150 words), losing no word", async () => {
    const result = await ingestFixture(name);
    expect(result.segments.map((segment) => [segment.speaker, segment.startMs, segment.endMs])).toEqual([
      ["Jane Doe", 1230, 21300],
      ["Omar Haddad", 22050, 40020],
      ["Jane Doe", 41000, 42700],
      ["Omar Haddad", 43500, 47950],
      ["Jane Doe", 48800, 51200],
      // 14 s of silence: the same speaker, a new paragraph.
      ["Jane Doe", 65300, 68900],
      // 167 words in one turn: cut at the last sentence end before the cue that would pass 150 words.
      ["Lena Fischer", 70100, 122600],
      ["Lena Fischer", 125100, 147100],
      ["Jane Doe", 148000, 151300],
      ["Omar Haddad", 152200, 155800],
      ["Jane Doe", 156500, 160900],
    ]);
    expect(result.segments[0]?.text).toBe(
      "Okay, I think we have everyone, so let's get going. Three things today: the school board story, the budget " +
        "leak and the weekend rota. Omar, you were at the board meeting last night. Where did it land?",
    );
    expect(result.segments[6]?.text).toMatch(/^I can, sorry, .* it can still change\.$/);
    expect(result.segments[7]?.text).toMatch(/^I would also like to call the three branch libraries .* at two\.$/);
    expect(result.segments.every((segment) => countWords(segment.text) <= 150)).toBe(true);
    expect(result.speakers.map((speaker) => speaker.name)).toEqual(labels);
    // No word lost, no label left in the text.
    expect(speechOf(result)).not.toMatch(/Jane Doe:|Omar Haddad:|Lena Fischer:/);
    expect(result.removed).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(wordsAccountedFor(result)).toBe(subtitleWordsIn(fixtureText(name), labels));
  });
});

describe("Teams captions (<v Name>, GUID identifiers, one blank line lost in a hand edit)", () => {
  const name = "subtitles/teams-captions.vtt";

  it("joins a voice's cues 3 s apart into one paragraph per turn", async () => {
    const result = await ingestFixture(name);
    expect(result.segments.map((segment) => [segment.speaker, segment.startMs, segment.endMs])).toEqual([
      ["Marta Kowalczyk", 2100, 19400],
      ["Jonas Lindqvist", 20200, 38100],
      ["Aisha Bello", 38900, 41200],
      ["Marta Kowalczyk", 42000, 51900],
      ["Aisha Bello", 52600, 54400],
    ]);
  });

  it("never reads a cue identifier as speech, even with no blank line above it, and loses no word", async () => {
    const result = await ingestFixture(name);
    expect(result.segments[1]?.text).toBe(
      "Sure. The map updates every two minutes from the county feed. If the feed goes down, we fall back to the " +
        "numbers the reporters phone in. I tested both last night and they agree.",
    );
    expect(speechOf(result)).not.toMatch(/9c3e1d7a|\/\d+-0/);
    expect(result.removed).toEqual([]);
    expect(wordsAccountedFor(result)).toBe(subtitleWordsIn(fixtureText(name)));
  });
});

describe("streaming recognition written as SubRip (the whole transcript re-sent on every update, times from 0)", () => {
  const name = "subtitles/streaming-resend.srt";
  const sentences = [
    "Good afternoon, and thank you for coming.",
    "The city council met this morning in emergency session.",
    "It approved a curfew for the old town from ten tonight.",
    "Police will close the three bridges at half past nine.",
    "Shops and bars in the old town must close by eight.",
    "The curfew will last until Monday morning at the earliest.",
    "Residents who work at night will be given a pass.",
    "The passes can be collected at the town hall from five.",
    "Public transport will run as normal outside the old town.",
    "We will take questions after the mayor has spoken.",
  ];

  it("keeps the last complete version, with its timings", async () => {
    const result = await ingestFixture(name);
    expect(speechOf(result)).toBe(sentences.join(" "));
    expect(result.wordCount).toBe(countWords(sentences.join(" ")));
    expect(result.segments[0]).toMatchObject({ startMs: 0 });
    expect(result.segments.at(-1)).toMatchObject({ endMs: 34_900 });
  });

  it("lists every earlier and unfinished version as a stream repeat, so no word is lost", async () => {
    const result = await ingestFixture(name);
    expect(new Set(result.removed.map((line) => line.reasonCode))).toEqual(new Set(["stream-repeat"]));
    // The complete version is cues 56–65 (lines 222–261); the write cut short after it is removed too.
    expect(result.removed.map((line) => line.line)).not.toContain(223);
    expect(result.removed.slice(-3).map((line) => [line.line, line.text])).toEqual([
      [263, "Good afternoon, and thank you for coming."],
      [267, "The city council met this morning in emergency session."],
      [271, "it approved"],
    ]);
    expect(result.removed[0]?.reason).toBe(
      "Streaming captions: an earlier or unfinished version of the whole transcript, re-sent from the start; the " +
        "last complete version, from line 222, was kept.",
    );
    expect(result.warnings).toEqual([
      "This looks like streaming speech recognition that writes the whole transcript again on every update: the " +
        "last complete version was kept, and the 11 others are listed as removed.",
    ]);
    expect(wordsAccountedFor(result)).toBe(subtitleWordsIn(fixtureText(name)));
  });

  it("puts a restored re-send back, and only that one", async () => {
    const parsed = await ingestFixture(name);
    const resent = parsed.removed.find((line) => line.line === 7);
    expect(resent?.text).toBe(sentences[0]);
    const result = await ingestFixture(name, [resent?.id ?? -1]);
    expect(speechOf(result)).toBe([sentences[0], ...sentences].join(" "));
  });
});

describe("SubRip converted from ASS (override tags, \\N line breaks, \\h hard spaces, CRLF)", () => {
  const name = "subtitles/ass-markup.srt";

  it("reads \\N and \\n as line breaks and \\h as a space, and drops override tags, leaving only words", async () => {
    const result = await ingestFixture(name);
    expect(speechOf(result)).toBe(
      "Kyiv, 9 March The shelling started just after midnight, residents say. Power is out in three districts. We " +
        "have been in the metro since one o'clock. Rescue teams are still searching the building on Khreshchatyk. " +
        "(Sirens) We will stay here until the all-clear.",
    );
    expect(speechOf(result)).not.toMatch(/\\|\{|\b[hNn]\b/);
  });

  it("loses no word", async () => {
    const result = await ingestFixture(name);
    expect(result.removed).toEqual([]);
    // Words in, counted apart from the parser: the escapes are spaces, override tags are not words.
    expect(wordsAccountedFor(result)).toBe(subtitleWordsIn(fixtureText(name).replace(/\\[Nnh]/g, " ")));
  });
});
