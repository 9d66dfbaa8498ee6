import { describe, expect, it } from "vitest";
import { ingestFile } from "../pipeline";
import { ingestFixture, speechOf, utf8 } from "../test-support/fixtures";

describe("SubRip", () => {
  it("merges cues into paragraphs per speaker, with their times", async () => {
    const result = await ingestFixture("interview.srt");
    expect(result.source).toMatchObject({ format: "srt", mediaType: "application/x-subrip" });
    expect(result.segments).toEqual([
      {
        speaker: "Anna Berg",
        text: "Good evening from Tallinn. Minister, thank you for joining us this morning.",
        startMs: 1000,
        endMs: 7800,
      },
      {
        speaker: "Maria Kask",
        // Cue 4 runs backwards (ends before it starts): its words stay, joined to the paragraph before it.
        text:
          "Thank you. It is good to be back in the studio. This cue runs backwards. The runway works will finish in " +
          "May, on schedule.",
        startMs: 8000,
        endMs: 16400,
      },
      { speaker: "Anna Berg", text: "And the cost?", startMs: 19000, endMs: 22000 },
      {
        speaker: "Maria Kask",
        text: "Forty million euros, shared with our NATO Allies.",
        startMs: 22200,
        endMs: 26000,
      },
      // Three seconds of silence before this cue: a new paragraph, same speaker.
      { speaker: "Maria Kask", text: "That is all we can say today.", startMs: 29000, endMs: 31000 },
    ]);
    expect(result.speakers.map((speaker) => speaker.name)).toEqual(["Anna Berg", "Maria Kask"]);
    expect(result.durationMs).toBe(30000);
    expect(result.title).toBe("Interview");
  });

  it("strips <i>, <b>, <u>, <font> and {\\an8} markup from the words", async () => {
    const speech = speechOf(await ingestFixture("interview.srt"));
    expect(speech).not.toMatch(/[<>{}]|\\an8|font/);
  });

  it("keeps the words of a backwards cue, with a warning naming its number and line", async () => {
    const result = await ingestFixture("interview.srt");
    expect(result.warnings).toEqual([
      "Cue 4 at line 16 ends before or when it starts; the words were kept, joined to the paragraph before.",
    ]);
    expect(speechOf(result)).toContain("This cue runs backwards.");
  });

  it("reports a line that was only markup", async () => {
    const result = await ingestFixture("interview.srt");
    expect(result.removed).toEqual([
      { id: 1, line: 26, text: "<i></i>", reasonCode: "markup", reason: "Subtitle markup only, no words." },
    ]);
  });

  it("reads a timing line with a one-dash arrow, with a warning, and loses no words", async () => {
    const srt = [
      "1\n00:00:01,000 --> 00:00:03,000\nFirst words.",
      "2\n00:00:04,000 -> 00:00:06,000\nMiddle words.",
      "3\n00:00:07,000 --> 00:00:09,000\nLast words.",
    ].join("\n\n");
    const result = await ingestFile({ bytes: utf8(srt), filename: "talk.srt" });
    expect(result.warnings).toEqual([
      '1 timing line (first at line 6) had an arrow other than "-->"; the times were read anyway.',
    ]);
    expect(speechOf(result)).toBe("First words. Middle words. Last words.");
  });

  it("keeps the words of a cue whose timing cannot be read at all", async () => {
    const srt = [
      "1\n00:00:01,000 --> 00:00:03,000\nFirst words.",
      "2\n00:00:04,000 00:00:06,000\nMiddle words.",
      "3\n00:00:07,000 --> 00:00:09,000\nLast words.",
    ].join("\n\n");
    const result = await ingestFile({ bytes: utf8(srt), filename: "talk.srt" });
    expect(result.warnings).toEqual([
      "Cue 2 at line 6 has a timing line that cannot be read; the words were kept, joined to the paragraph before.",
    ]);
    // Cue 3 starts four seconds after cue 1 ends, a pause long enough for a new paragraph.
    expect(speechOf(result)).toBe("First words. Middle words.\nLast words.");
  });

  it("reads cues with a missing blank line between them, single-digit hours and short fractions", async () => {
    const srt = "1\n0:00:01,5 --> 0:00:03,25\nHello there.\n2\n0:00:03,500 --> 0:00:05,000\nGeneral Kenobi.\n";
    const result = await ingestFile({ bytes: utf8(srt), filename: "clip.srt" });
    expect(result.segments).toEqual([
      { speaker: null, text: "Hello there. General Kenobi.", startMs: 1500, endMs: 5000 },
    ]);
  });

  it("keeps the words of an overlapping cue in the paragraph, with a warning", async () => {
    const srt =
      "1\n00:00:01,000 --> 00:00:04,000\nANNA: We start at nine.\n\n" +
      "2\n00:00:03,500 --> 00:00:05,000\nSharp.\n\n3\n00:00:05,200 --> 00:00:07,000\nBOB: Understood.\n";
    const result = await ingestFile({ bytes: utf8(srt), filename: "clip.srt" });
    expect(result.segments.map((segment) => [segment.speaker, segment.text])).toEqual([
      ["Anna", "We start at nine. Sharp."],
      ["Bob", "Understood."],
    ]);
    expect(result.warnings).toEqual([
      "Cue 2 at line 6 starts before the cue above ends; the words were kept in file order.",
    ]);
  });

  it("adds text left after a stray blank line to the cue above it", async () => {
    const srt = "1\n00:00:01,000 --> 00:00:04,000\nWe will meet again\n\nin Vilnius next year.\n";
    const result = await ingestFile({ bytes: utf8(srt), filename: "clip.srt" });
    expect(speechOf(result)).toBe("We will meet again in Vilnius next year.");
    expect(result.warnings).toEqual(["Text at line 5 has no timing line; it was added to the cue above it."]);
  });

  it("is recognised by its content when named .txt", async () => {
    const srt = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n";
    const result = await ingestFile({ bytes: utf8(srt), filename: "captions.txt" });
    expect(result.source.format).toBe("srt");
  });
});
