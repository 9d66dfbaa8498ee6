import { beforeAll, describe, expect, it } from "vitest";
import type { IngestResult } from "../types";
import { detectConvention, readSpeakerConvention } from ".";
import { clockMs } from "./timestamps";
import { otter, revDescript } from "./tool-exports";
import {
  conventionFixture,
  ingestConventionFixture,
  linesOf,
  segmentWith,
  wordsAccountedFor,
  wordsWithoutLabels,
} from "./test-support";

const INTERVIEW_SPEAKERS = [
  { name: "Dana Whitfield", title: null, role: null, outlet: null },
  { name: "Marcus Lee", title: null, role: null, outlet: null },
  { name: "Rosa Delgado", title: null, role: null, outlet: null },
];

/** Each turn's first words and its label's time in ms, read from the fixture by the test's own pattern. */
function labelledTurns(text: string, label: RegExp): { opening: string; startMs: number }[] {
  const lines = text.split(/\r?\n/);
  return lines.flatMap((line, index) => {
    const match = label.exec(line);
    if (!match) return [];
    const sameLine = line.slice(match[0].length).trim();
    const words = (sameLine || lines[index + 1] || "").trim().split(/\s+/).slice(0, 6).join(" ");
    const fields = (match[1] ?? "").split(":").map(Number);
    const seconds = fields.reduce((total, field) => total * 60 + field, 0);
    return [{ opening: words, startMs: seconds * 1000 }];
  });
}

function expectEveryTurnTimed(result: IngestResult, turns: { opening: string; startMs: number }[]): void {
  expect(turns.length).toBeGreaterThan(25);
  for (const turn of turns) {
    const segment = segmentWith(result, turn.opening);
    expect(segment?.text.startsWith(turn.opening), turn.opening).toBe(true);
    expect(segment?.startMs, turn.opening).toBe(turn.startMs);
  }
}

function expectNoLabelsInSpeech(result: IngestResult): void {
  for (const segment of result.segments) {
    expect(segment.text).not.toMatch(/\d:\d\d|Transcribed by|Speaker \d/);
    expect(segment.speaker).not.toBeNull();
  }
}

describe("timestamps beside a name", () => {
  it("reads m:ss, h:mm:ss and hh:mm:ss, and refuses minutes or seconds over 59", () => {
    expect(clockMs("0:34")).toBe(34_000);
    expect(clockMs("58:40")).toBe(3_520_000);
    expect(clockMs("1:02:11")).toBe(3_731_000);
    expect(clockMs("00:01:02")).toBe(62_000);
    expect(clockMs("0:75")).toBeNull();
  });

  it("tells Otter's unpadded times from Rev's and Descript's padded ones", () => {
    const otterLines = linesOf("Dana Whitfield  0:03\nHello.\n\nMarcus Lee  0:11\nHi.");
    const descriptLines = linesOf("Dana Whitfield  00:00:03\nHello.\n\nMarcus Lee  00:00:11\nHi.");
    expect(detectConvention(otterLines)).toBe(otter);
    expect(detectConvention(descriptLines)).toBe(revDescript);
  });

  it("reads numbered speakers with an hours field, Speaker 1  0:00:12", () => {
    const reading = readSpeakerConvention(linesOf("Speaker 1  0:00:12\nHello.\n\nSpeaker 2  0:00:15\nHi."));
    expect(reading.convention?.id).toBe("otter");
    expect(reading.lines.flatMap((line) => (line.turn ? [line.turn] : []))).toEqual([
      { speaker: { name: "Speaker 1", title: null, role: "speaker", outlet: null }, startMs: 12_000 },
      { speaker: { name: "Speaker 2", title: null, role: "speaker", outlet: null }, startMs: 15_000 },
    ]);
  });

  it("does not take a sentence that ends with a time for a label", () => {
    const lines = linesOf("We start at  10:30\nThe meeting ends at noon.");
    expect(readSpeakerConvention(lines).convention).toBeNull();
  });
});

describe("an Otter.ai export, end to end", () => {
  const NAME = "otter-interview.txt";
  const text = conventionFixture(NAME);
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestConventionFixture(NAME);
  });

  it("is recognised, with no title taken from a speaker line", () => {
    expect(result.convention).toEqual({ id: "otter", name: "Otter.ai export" });
    expect(result.title).toBe("Otter interview");
  });

  it("reads the speakers, joining the short name Dana to Dana Whitfield", () => {
    expect(result.speakers).toEqual([
      ...INTERVIEW_SPEAKERS,
      { name: "Unknown Speaker", title: null, role: null, outlet: null },
    ]);
    expect(result.speakerMerges).toEqual([{ from: "Dana", into: "Dana Whitfield" }]);
    expect(segmentWith(result, "Marcus, I want to ask about the schools")?.speaker).toBe("Dana Whitfield");
  });

  it("starts each turn at its label's time, and ends it where the next begins", () => {
    expectEveryTurnTimed(result, labelledTurns(text, /^.+ {2}(\d{1,2}:\d{2}(?::\d{2})?)$/));
    expect(segmentWith(result, "Okay, I think we're recording.")).toMatchObject({ startMs: 3000, endMs: 11_000 });
    expect(segmentWith(result, "Is this thing still recording?")).toMatchObject({ startMs: 3_731_000 });
    // Timed, not "Untimed": from the first label's time to the last one's (the last turn's end is not written).
    expect(result.durationMs).toBe(3_731_000 - 3000);
  });

  it("removes the Otter footer as the tool's, and leaves no label in the speech", () => {
    expect(result.removed).toEqual([
      expect.objectContaining({ text: "Transcribed by https://otter.ai", reasonCode: "tool-footer" }),
    ]);
    expectNoLabelsInSpeech(result);
  });

  it("accounts for every word", () => {
    expect(wordsAccountedFor(result)).toBe(wordsWithoutLabels(text, [/^.+ {2}\d{1,2}:\d{2}(?::\d{2})?$/]));
  });

  it("keeps Dana apart from Dana Whitfield when the reporter undoes the merge", async () => {
    const apart = await ingestConventionFixture(NAME, { keepSpeakersApart: ["Dana"] });
    expect(apart.speakerMerges).toEqual([]);
    expect(segmentWith(apart, "Marcus, I want to ask about the schools")?.speaker).toBe("Dana");
  });
});

describe("Rev and Descript exports, end to end", () => {
  const cases = [
    { name: "rev-interview.txt", label: /^.+ \((\d{2}:\d{2}:\d{2})\):/ },
    { name: "descript-interview.txt", label: /^.+ {2}(\d{2}:\d{2}:\d{2})$/ },
  ];
  for (const { name, label } of cases) {
    it(`reads ${name}: speakers, start times, no labels in speech, every word`, async () => {
      const text = conventionFixture(name);
      const result = await ingestConventionFixture(name);
      expect(result.convention).toEqual({ id: "rev", name: "Rev / Descript export" });
      expect(result.speakers).toEqual(INTERVIEW_SPEAKERS);
      expect(result.speakerMerges).toEqual([{ from: "Dana", into: "Dana Whitfield" }]);
      expectEveryTurnTimed(result, labelledTurns(text, label));
      expectNoLabelsInSpeech(result);
      expect(result.removed).toEqual([]);
      expect(wordsAccountedFor(result)).toBe(wordsWithoutLabels(text, [label]));
    });
  }

  it("reads numbered speakers with the text on the label's line (CRLF)", async () => {
    const name = "rev-speakers-numbered.txt";
    const text = conventionFixture(name);
    expect(text).toContain("\r\n");
    const label = /^Speaker \d \((\d{2}:\d{2})\):/;
    const result = await ingestConventionFixture(name);
    expect(result.convention?.id).toBe("rev");
    expect(result.speakers.map((speaker) => [speaker.name, speaker.role])).toEqual([
      ["Speaker 1", "speaker"],
      ["Speaker 2", "speaker"],
      ["Speaker 3", "speaker"],
    ]);
    expect(result.speakerMerges).toEqual([]);
    expectEveryTurnTimed(result, labelledTurns(text, label));
    expectNoLabelsInSpeech(result);
    expect(wordsAccountedFor(result)).toBe(wordsWithoutLabels(text, [label]));
  });
});
