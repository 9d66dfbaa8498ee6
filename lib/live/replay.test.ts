import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { countWords } from "@/lib/format/text";
import { cuesOfFile, replayDelays } from "@/lib/live/replay";

const fixture = (name: string) => fs.readFileSync(`lib/ingest/fixtures/${name}`, "utf8");

describe("replaying a caption file", () => {
  it("sends a Teams meeting's cues as final cues with their voices and timings, no word lost", () => {
    const text = fixture("subtitles/teams-meeting.vtt");
    const cues = cuesOfFile("teams-meeting.vtt", text);
    expect(cues.length).toBeGreaterThan(5);
    expect(cues.every((cue) => cue.final && cue.startMs !== null && cue.endMs !== null)).toBe(true);
    expect(cues.some((cue) => cue.speaker !== null)).toBe(true);
    // Oracle: the words of the cue payloads (the lines after each timing line), read here with a plain scan.
    const spoken = text
      .split(/\r?\n\r?\n/)
      .map((block) => block.split(/\r?\n/))
      .flatMap((lines) => lines.slice(lines.findIndex((line) => line.includes("-->")) + 1))
      .filter((line) => !line.includes("-->") && !/^WEBVTT/.test(line))
      .join(" ")
      .replace(/<[^>]+>/g, "");
    expect(countWords(cues.map((cue) => cue.text).join(" "))).toBe(countWords(spoken));
  });

  it("sends a SubRip file's subtitles in order", () => {
    const cues = cuesOfFile("interview.srt", fixture("interview.srt"));
    expect(cues[0]).toMatchObject({ startMs: 1000, endMs: 4200, final: true });
    expect(cues[0]!.text).toContain("Good evening from Tallinn.");
    expect(cues.map((cue) => cue.startMs)).toEqual([...cues.map((cue) => cue.startMs)].sort((a, b) => a! - b!));
  });

  it("sends a Deepgram live session's partial and final results as the recogniser sent them", () => {
    const cues = cuesOfFile("deepgram-live.jsonl", fixture("json/deepgram-live.jsonl"));
    expect(cues.filter((cue) => !cue.final).length).toBeGreaterThan(0);
    expect(cues.find((cue) => cue.final)?.text).toBe("Good morning from the city hall press room.");
  });

  it("refuses a file that is not captions with a sentence", () => {
    expect(() => cuesOfFile("briefing.txt", "MODERATOR: Good morning.\n\nHOLM: Thank you.")).toThrow(
      /not a caption file/,
    );
  });

  it("waits from one cue's moment to the next, sped up, and never backwards", () => {
    const cues = [
      { speaker: null, text: "a", startMs: 0, endMs: 1_000, final: true },
      { speaker: null, text: "b", startMs: 1_500, endMs: null, final: false },
      { speaker: null, text: "b c", startMs: 1_500, endMs: 3_000, final: true },
      { speaker: null, text: "untimed", startMs: null, endMs: null, final: true },
      { speaker: null, text: "early", startMs: 500, endMs: 900, final: true },
    ];
    expect(replayDelays(cues, 1)).toEqual([0, 500, 1_500, 0, 0]);
    expect(replayDelays(cues, 10)).toEqual([0, 50, 150, 0, 0]);
  });
});
