import { describe, expect, it } from "vitest";
import { fixture, ingestFixture, speechOf } from "../test-support/fixtures";
import { subtitleWordsIn, wordsAccountedFor } from "../test-support/subtitles";
import { parseSrt } from "./srt";
import { parseWebVtt } from "./webvtt";

function fixtureText(name: string): string {
  return new TextDecoder().decode(fixture(name));
}

describe("Zoom transcript (WEBVTT, numbered cues, “Name: text” in every cue)", () => {
  const name = "subtitles/zoom-meeting.vtt";
  const labels = ["Dana Whitfield", "Priya Raman", "Tom Okafor"];

  it("joins each speaker's cues into one paragraph per turn, with the turn's times", async () => {
    const result = await ingestFixture(name);
    expect(result.segments.map((segment) => [segment.speaker, segment.startMs, segment.endMs])).toEqual([
      ["Dana Whitfield", 2340, 35110],
      ["Priya Raman", 35900, 54320],
      ["Dana Whitfield", 55100, 58030],
      ["Tom Okafor", 58900, 65330],
      ["Dana Whitfield", 66020, 77650],
      ["Tom Okafor", 78300, 80020],
      ["Priya Raman", 80900, 88940],
      ["Dana Whitfield", 90500, 92000],
      ["Tom Okafor", 92700, 97120],
      ["Dana Whitfield", 97900, 109880],
    ]);
    expect(result.segments[1]?.text).toBe(
      "Thanks, Dana. The upstream gauges are falling, which is good news, but we expect another band of rain on " +
        "Thursday evening. If it arrives as forecast, the river could rise again by half a metre. The levee on Mill " +
        "Road is holding, and we have crews watching it around the clock.",
    );
    expect(result.speakers.map((speaker) => speaker.name)).toEqual(labels);
  });

  it("leaves no label inside the words, and loses none", async () => {
    const result = await ingestFixture(name);
    expect(speechOf(result)).not.toMatch(/Dana Whitfield:|Priya Raman:|Tom Okafor:/);
    expect(result.removed).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(wordsAccountedFor(result)).toBe(subtitleWordsIn(fixtureText(name), labels));
  });
});

describe("Teams transcript (<v Name> voices, GUID cue identifiers)", () => {
  it("gives each turn to its voice, and no identifier becomes speech", async () => {
    const name = "subtitles/teams-meeting.vtt";
    const result = await ingestFixture(name);
    expect(result.segments.map((segment) => segment.speaker)).toEqual([
      "Marta Kowalczyk",
      "Jonas Lindqvist",
      "Marta Kowalczyk",
      "Jonas Lindqvist",
      "Aisha Bello",
      "Marta Kowalczyk",
      "Aisha Bello",
      "Marta Kowalczyk",
    ]);
    expect(result.segments[3]).toEqual({
      speaker: "Jonas Lindqvist",
      text:
        "The county results feed changed its format last week, so the turnout numbers in the test run were off by a " +
        "factor of a hundred. I've fixed the parser, but I'd like someone to check the numbers against the official " +
        "site at nine.",
      startMs: 15700,
      endMs: 31100,
    });
    expect(speechOf(result)).not.toMatch(/5f1b8c2e|<\/?v/);
    expect(wordsAccountedFor(result)).toBe(subtitleWordsIn(fixtureText(name)));
  });
});

describe("streaming speech-recognition captions", () => {
  const name = "subtitles/streaming-asr.vtt";

  it("keeps each sentence once, from growing, repeated and backwards cues", async () => {
    const result = await ingestFixture(name);
    expect(speechOf(result)).toBe(
      "The minister said the talks would resume on Monday. Both delegations have agreed to meet in Geneva. The " +
        "first session will cover prisoner exchanges and the grain corridor. Asked about the ceasefire, she said it " +
        "was too early to talk about dates. We are cautiously optimistic. That was the foreign minister speaking in " +
        "Brussels an hour ago.",
    );
    expect(result.segments[0]).toMatchObject({ startMs: 480, endMs: 22600 });
  });

  it("lists every superseded or repeated cue as a stream repeat, so no word is lost silently", async () => {
    const result = await ingestFixture(name);
    expect(new Set(result.removed.map((line) => line.reasonCode))).toEqual(new Set(["stream-repeat"]));
    expect(result.removed.slice(0, 8).map((line) => [line.line, line.text, line.reason])).toEqual([
      [6, "the", "Streaming captions: an early version of the cue at line 23, which has the full text."],
      [9, "the minister", "Streaming captions: an early version of the cue at line 23, which has the full text."],
      [12, "the minister said", "Streaming captions: an early version of the cue at line 23, which has the full text."],
      [
        15,
        "the minister said the",
        "Streaming captions: an early version of the cue at line 23, which has the full text.",
      ],
      [
        18,
        "the minister said the talks",
        "Streaming captions: an early version of the cue at line 23, which has the full text.",
      ],
      [
        21,
        "the minister said the talks would",
        "Streaming captions: an early version of the cue at line 23, which has the full text.",
      ],
      [27, "The minister said the talks would resume on Monday.", "Streaming captions: repeats the cue at line 23."],
      [30, "The minister said the talks would resume on Monday.", "Streaming captions: repeats the cue at line 23."],
    ]);
    // The re-sync that jumps back and repeats the end of a sentence.
    expect(result.removed).toContainEqual(
      expect.objectContaining({
        line: 51,
        text: "to meet in Geneva.",
        reason: "Streaming captions: repeats the cue at line 44.",
      }),
    );
    expect(result.warnings).toEqual([
      `This looks like streaming speech recognition: ${result.removed.length} cues repeat or grow on the one before; ` +
        "only the fullest version of each sentence was kept (the others are listed as removed).",
    ]);
    expect(wordsAccountedFor(result)).toBe(subtitleWordsIn(fixtureText(name)));
  });

  it("puts a restored re-emission back", async () => {
    const result = await ingestFixture(name, [7]);
    expect(speechOf(result)).toMatch(
      /^The minister said the talks would resume on Monday\. The minister said the talks would resume on Monday\. Both/,
    );
  });
});

describe("YouTube auto-captions (word timings, align:start position:0%, rolling lines)", () => {
  it("accounts for every word: each is in the text or listed as a caption repeat", async () => {
    const result = await ingestFixture("auto-captions.vtt");
    expect(wordsAccountedFor(result)).toBe(subtitleWordsIn(fixtureText("auto-captions.vtt")));
    expect(speechOf(result)).not.toMatch(/<|align|position/);
  });
});

describe("a broadcaster's SubRip from a Windows editor", () => {
  const name = "subtitles/broadcast-news.srt";
  const labels = ["REPORTER", "MAYOR", "PRESENTER"];

  it("keeps the words after a lone {\\an8}, of a doubled timing line and of zero-length cues", async () => {
    const result = await ingestFixture(name);
    expect(result.segments).toEqual([
      {
        speaker: "Reporter",
        text: "Water has reached the steps of the town hall. Residents spent the night moving furniture upstairs. Some had only minutes.",
        startMs: 1200,
        endMs: 8400,
      },
      {
        speaker: "Mayor",
        text: "We have never seen anything like this in Kingsbridge. The army is sending two hundred soldiers tonight. (siren)",
        startMs: 8600,
        endMs: 19100,
      },
      {
        speaker: "Reporter",
        text: "Forecasters expect the river to peak at midnight. Back to the studio.",
        startMs: 19300,
        endMs: 23500,
      },
      {
        speaker: "Presenter",
        text:
          "Thank you, Sarah. Stay safe out there. The flood line is open on 0800 555 0199. In other news tonight, the " +
          "rail strike is over. Unions accepted a 6% offer after talks that ran all night.",
        startMs: 24000,
        endMs: 39000,
      },
    ]);
  });

  it("reads two-digit fractions as hundredths, and says what it read unusually", async () => {
    const result = await ingestFixture(name);
    expect(result.segments[0]?.startMs).toBe(1200);
    expect(result.warnings).toEqual([
      "Cue 5 at line 22 has its timing line written twice; the first one was used.",
      "2 timing lines (first at line 2) had fractions of a second not written with three digits (read as decimals: " +
        ",50 is half a second); the times were read anyway.",
      "2 cues (first: cue 3 at line 13) end before or when they start; the words were kept, joined to the paragraph before.",
    ]);
  });

  it("reports the override-only lines as markup and loses no word", async () => {
    const result = await ingestFixture(name);
    expect(result.removed.map((line) => [line.line, line.reasonCode, line.text])).toEqual([
      [3, "markup", "{\\an8}"],
      [29, "markup", "{\\an8}"],
      [48, "markup", "{\\an8}"],
    ]);
    expect(speechOf(result)).not.toMatch(/[{}]|\\an8|\\i[01]/);
    expect(wordsAccountedFor(result)).toBe(subtitleWordsIn(fixtureText(name), labels));
  });
});

describe("US broadcast captions (CEA-608 in SubRip: capitals, “>>” for a new speaker, “>>>” for a new story)", () => {
  const name = "subtitles/broadcast-chevrons.srt";

  it("turns “>> NAME:” into a speaker and a bare “>>” into a new, unnamed turn, with no chevron left in the words", async () => {
    const result = await ingestFixture(name);
    const text = result.segments.map((segment) => segment.text).join("\n");
    expect(text).not.toContain(">");
    const mayor = result.segments.find((segment) => segment.text.includes("HOTEL COSTS"));
    expect(mayor?.speaker?.toLowerCase()).toContain("garcía");
    // The question and its answer, both marked only by “>>” inside one cue, are not the sheriff's paragraph and not
    // each other's.
    const question = result.segments.find((segment) => segment.text.includes("WHEN CAN PEOPLE GO HOME?"));
    const answer = result.segments.find((segment) => segment.text.includes("NOT BEFORE THURSDAY"));
    const sheriff = result.segments.find((segment) => segment.text.includes("4.2 METERS"));
    expect(question).toBeDefined();
    expect(new Set([question, answer, sheriff]).size).toBe(3);
    expect(question?.speaker ?? null).toBeNull();
    expect(mayor?.text).toContain("EVERY FAMILY THAT NEEDS THEM.");
  });

  it("loses no word", async () => {
    const result = await ingestFixture(name);
    const words = (text: string) => text.replace(/>+/g, " ").split(/\s+/).filter(Boolean);
    const source = fixtureText(name)
      .split(/\r?\n/)
      .filter((line) => !/^\d+$/.test(line) && !line.includes("-->"))
      .join(" ");
    const kept = result.segments.map((segment) => segment.text).join(" ");
    // Every word of the captions is in the text (labels become speakers: their names are the only words taken out).
    const missing = words(source).filter((word) => !kept.includes(word.replace(/:$/, "")));
    expect(missing.filter((word) => !/^(MAYOR|GARCÍA:)$/.test(word))).toEqual([]);
  });
});

describe("“Name:” in film subtitles", () => {
  const source = () => parseSrt(fixtureText("subtitles/documentary.srt"));
  const voiceOf = (text: string) => source().lines.find((line) => line.text.startsWith(text))?.voice;

  it("lasts until a long pause, not for the rest of the film", () => {
    expect(voiceOf("In the winter of 1962,")).toBe("NARRATOR");
    expect(voiceOf("For six weeks, the ice was a road.")).toBe("NARRATOR");
    // Twelve seconds of silence: the old man's memory is not the narrator's.
    expect(voiceOf("My father took the cart across.")).toBeNull();
    expect(voiceOf("I was seven.")).toBe("HELGA");
    expect(voiceOf("Like a door slamming")).toBe("HELGA");
  });

  it("ends the narrator's turn in the finished transcript too, not only in the parse", async () => {
    const result = await ingestFixture("subtitles/documentary.srt");
    const speakerOf = (text: string) => result.segments.find((segment) => segment.text.includes(text))?.speaker;
    expect(speakerOf("For six weeks, the ice was a road.")).toBe("Narrator");
    expect(speakerOf("My father took the cart across.")).toBeNull();
    expect(speakerOf("I was seven.")).toBe("Helga");
  });

  it("is not a speaker when it is a setting or a credit, which are listed as removed", async () => {
    expect(
      source()
        .lines.filter((line) => line.removal)
        .map((line) => [line.text, line.removal?.code]),
    ).toEqual([
      ["Size: 80%", "markup"],
      ["Subtitles: Anna Kovacs", "tool-footer"],
    ]);
    const result = await ingestFixture("subtitles/documentary.srt");
    expect(result.speakers.map((speaker) => speaker.name)).not.toContain("Subtitles");
    expect(wordsAccountedFor(result)).toBe(
      subtitleWordsIn(fixtureText("subtitles/documentary.srt"), ["NARRATOR", "HELGA"]),
    );
  });
});

describe("WebVTT header title", () => {
  it("takes the title from “WEBVTT - Press briefing”", () => {
    const vtt = "WEBVTT - Press briefing\nKind: captions\n\n00:00:01.000 --> 00:00:02.000\nGood morning.\n";
    expect(parseWebVtt(vtt).title).toBe("Press briefing");
    expect(parseWebVtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n").title).toBeNull();
  });
});

describe("unusual timestamps", () => {
  it("reads minutes past 59 without hours, and hours past 99, with a warning", () => {
    const vtt = "WEBVTT\n\n75:10.000 --> 75:12.500\nStill going.\n\n100:00:00.000 --> 100:00:02.000\nDay five.\n";
    const source = parseWebVtt(vtt);
    expect(source.lines.map((line) => [line.text, line.startMs, line.endMs])).toEqual([
      ["Still going.", 4510000, 4512500],
      ["Day five.", 360000000, 360002000],
    ]);
    expect(source.warnings).toEqual([
      "1 timing line (first at line 3) had minutes past 59 (read as minutes, 75:10 is 1 h 15 min 10 s); the times " +
        "were read anyway.",
      "1 timing line (first at line 6) had hours past 99; the times were read anyway.",
    ]);
  });
});

describe("UTF-32 subtitles with a byte order mark", () => {
  it.each([
    ["subtitles/utf32le-bom.srt", "utf-32le"],
    ["subtitles/utf32be-bom.srt", "utf-32be"],
  ])("decodes %s", async (name, encoding) => {
    const result = await ingestFixture(name);
    expect(result.source).toMatchObject({ encoding, format: "srt" });
    expect(speechOf(result)).toBe("Dobrý den, vítejte v Brně. Žádné změny v jízdním řádu.");
  });
});
