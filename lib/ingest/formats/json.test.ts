import { describe, expect, it } from "vitest";
import { ingestFile } from "../pipeline";
import { ingestFixture, utf8 } from "../test-support/fixtures";
import { readTime } from "./json";

describe("transcription JSON", () => {
  it("reads Whisper output, breaking the paragraph at a long pause", async () => {
    const result = await ingestFixture("whisper.json");
    expect(result.source).toMatchObject({ format: "json", mediaType: "application/json" });
    expect(result.segments).toEqual([
      {
        speaker: null,
        text: "Good evening. The council met today in Rotterdam to discuss the flood defences.",
        startMs: 0,
        endMs: 7900,
      },
      { speaker: null, text: "Work on the new barrier starts in September.", startMs: 11000, endMs: 15500 },
    ]);
    expect(result.durationMs).toBe(15500);
    expect(result.language).toBe("en");
  });

  it("reads a speaker list with times as numbers and as strings", async () => {
    const result = await ingestFixture("speaker-list.json");
    expect(result.segments).toEqual([
      {
        speaker: "Moderator",
        text: "Welcome to the briefing. Our first question comes from Reuters.",
        startMs: 0,
        endMs: 4500,
      },
      { speaker: "Speaker 1", text: "Thank you. Is the port open to ships again?", startMs: 5000, endMs: 9250 },
      {
        speaker: "Ingrid Dahl",
        text: "The port reopened this morning, with a reduced schedule. Full service returns on Monday.",
        startMs: 9500,
        endMs: 17000,
      },
    ]);
    expect(result.speakers).toEqual([
      { name: "Moderator", title: null, role: "moderator", outlet: null },
      { name: "Speaker 1", title: null, role: "speaker", outlet: null },
      { name: "Ingrid Dahl", title: null, role: null, outlet: null },
    ]);
  });

  it("reads Whisper segments with a speaker each (WhisperX)", async () => {
    const json = JSON.stringify({
      segments: [
        { start: 0, end: 2, text: " Good morning.", speaker: "SPEAKER_00" },
        { start: 2.2, end: 4, text: " Morning. Shall we start?", speaker: "SPEAKER_01" },
      ],
    });
    const result = await ingestFile({ bytes: utf8(json), filename: "whisperx.json" });
    expect(result.segments.map((segment) => [segment.speaker, segment.text])).toEqual([
      ["Speaker 0", "Good morning."],
      ["Speaker 1", "Morning. Shall we start?"],
    ]);
  });

  it("is recognised by its content when named .txt", async () => {
    const json = JSON.stringify([{ speaker: "Anna", start: 0, end: 1, text: "Hello." }]);
    const result = await ingestFile({ bytes: utf8(json), filename: "export.txt" });
    expect(result.source.format).toBe("json");
  });

  it("skips a segment without text, with a warning", async () => {
    const json = JSON.stringify([
      { speaker: "Anna", start: 0, end: 1, text: "Hello." },
      { speaker: "Anna", start: 1, end: 2 },
      { speaker: "Anna", start: 2, end: 3, text: "Goodbye." },
    ]);
    const result = await ingestFile({ bytes: utf8(json), filename: "export.json" });
    expect(result.warnings).toEqual(['Skipped segment 2: it has no "text".']);
    expect(result.segments[0]?.text).toBe("Hello. Goodbye.");
  });

  it("has no times when the tool gives none", async () => {
    const json = JSON.stringify([{ speaker: "Anna", text: "Hello." }]);
    const result = await ingestFile({ bytes: utf8(json), filename: "export.json" });
    expect(result.segments[0]).toMatchObject({ startMs: null, endMs: null });
    expect(result.durationMs).toBeNull();
  });
});

describe("readTime", () => {
  it("reads seconds and clock times", () => {
    expect(readTime(62.5)).toBe(62500);
    expect(readTime("62.5")).toBe(62500);
    expect(readTime("01:02.5")).toBe(62500);
    expect(readTime("00:01:02.5")).toBe(62500);
    expect(readTime("1:00:01,250")).toBe(3601250);
    expect(readTime("soon")).toBeNull();
    expect(readTime(-1)).toBeNull();
    expect(readTime(null)).toBeNull();
  });
});
