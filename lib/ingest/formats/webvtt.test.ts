import { describe, expect, it } from "vitest";
import { ingestFile } from "../pipeline";
import { ingestFixture, speechOf, utf8 } from "../test-support/fixtures";

describe("WebVTT", () => {
  it("reads voices as speakers, setting aside NOTE, STYLE and REGION blocks, identifiers and cue settings", async () => {
    const result = await ingestFixture("briefing.vtt");
    expect(result.source).toMatchObject({ format: "vtt", mediaType: "text/vtt" });
    expect(result.segments).toEqual([
      {
        speaker: "Jens Stoltenberg",
        text: "Good morning. Prime Minister Kallas & I have just met. We discussed the situation in Ukraine and our presence in Estonia.",
        startMs: 500,
        endMs: 6800,
      },
      { speaker: "Mart Kivi", text: "Will more Allied troops come to Tapa?", startMs: 7500, endMs: 10000 },
      { speaker: "Kaja Kallas", text: "We expect a decision by the summer.", startMs: 10300, endMs: 14000 },
    ]);
    expect(result.warnings).toEqual([]);
    // The NOTE, STYLE and REGION blocks are not speech, but they are listed, so "Nothing was removed" stays true.
    expect(result.removed.map((line) => [line.line, line.reasonCode, line.text])).toEqual([
      [5, "subtitle-block", "NOTE"],
      [6, "subtitle-block", "Captioned live by the press office."],
      [7, "subtitle-block", "Timings corrected afterwards."],
      [9, "subtitle-block", "STYLE"],
      [10, "subtitle-block", '::cue(v[voice="Jens Stoltenberg"]) {'],
      [11, "subtitle-block", "color: yellow;"],
      [12, "subtitle-block", "}"],
      [14, "subtitle-block", "REGION"],
      [15, "subtitle-block", "id:speaker"],
      [16, "subtitle-block", "width:40%"],
      [17, "subtitle-block", "lines:3"],
      [18, "subtitle-block", "regionanchor:0%,100%"],
      [19, "subtitle-block", "viewportanchor:10%,90%"],
      [20, "subtitle-block", "scroll:up"],
      [30, "subtitle-block", "NOTE The question below was asked in Estonian; the caption is the interpreter's."],
    ]);
    expect(speechOf(result)).not.toMatch(/Captioned|color|scroll|intro|q1|align|region/);
  });

  it("reads “Name (Outlet)” in a voice as a questioner from that outlet", async () => {
    const result = await ingestFixture("briefing.vtt");
    expect(result.speakers).toContainEqual({ name: "Mart Kivi", title: null, role: "questioner", outlet: "ERR" });
  });

  it("keeps each speaker once, in order of first appearance", async () => {
    const result = await ingestFixture("briefing.vtt");
    expect(result.speakers.map((speaker) => speaker.name)).toEqual(["Jens Stoltenberg", "Mart Kivi", "Kaja Kallas"]);
  });

  it("removes rolling-caption repeats from YouTube auto-captions and reports each", async () => {
    const result = await ingestFixture("auto-captions.vtt");
    expect(result.segments).toEqual([
      {
        speaker: null,
        text:
          "good evening and welcome to the briefing on the flood defences the river rose two metres overnight and " +
          "crews worked until dawn",
        startMs: 0,
        endMs: 11000,
      },
    ]);
    expect(result.removed.map((line) => [line.line, line.reasonCode, line.text])).toEqual([
      [10, "caption-repeat", "good evening and welcome to the"],
      [14, "caption-repeat", "good evening and welcome to the"],
      [18, "caption-repeat", "briefing on the flood defences"],
      [22, "caption-repeat", "briefing on the flood defences"],
      [26, "caption-repeat", "the river rose two metres overnight"],
      [30, "caption-repeat", "the river rose two metres overnight"],
    ]);
  });

  it("puts a restored caption repeat back where it was", async () => {
    const result = await ingestFixture("auto-captions.vtt", [3]);
    expect(speechOf(result)).toBe(
      "good evening and welcome to the briefing on the flood defences briefing on the flood defences the river rose " +
        "two metres overnight and crews worked until dawn",
    );
    expect(result.removed.map((line) => line.id)).toEqual([1, 2, 4, 5, 6]);
  });

  it("keeps a line said twice in ordinary captions", async () => {
    const vtt = [
      "WEBVTT",
      "00:00:01.000 --> 00:00:02.000\nNo.",
      "00:00:02.500 --> 00:00:03.500\nNo.",
      "00:00:04.000 --> 00:00:05.000\nAbsolutely not.",
    ].join("\n\n");
    const result = await ingestFile({ bytes: utf8(vtt), filename: "clip.vtt" });
    expect(speechOf(result)).toBe("No. No. Absolutely not.");
    expect(result.removed).toEqual([]);
  });

  it("keeps the words of a cue that ends before it starts, joined to the paragraph before", async () => {
    const vtt =
      "WEBVTT\n\nfirst\n00:00:05.000 --> 00:00:02.000\nBackwards.\n\n00:00:06.000 --> 00:00:08.000\nForwards.\n";
    const result = await ingestFile({ bytes: utf8(vtt), filename: "clip.vtt" });
    expect(result.warnings).toEqual([
      "Cue first at line 4 ends before or when it starts; the words were kept, joined to the paragraph before.",
    ]);
    expect(speechOf(result)).toBe("Backwards. Forwards.");
  });

  it("decodes character references", async () => {
    const vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nQ&amp;A &lt;live&gt; &quot;now&quot;\n";
    const result = await ingestFile({ bytes: utf8(vtt), filename: "clip.vtt" });
    expect(speechOf(result)).toBe('Q&A <live> "now"');
  });
});
