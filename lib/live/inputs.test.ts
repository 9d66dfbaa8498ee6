import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseCueBody } from "@/lib/live/inputs";

describe("the cues a live feed sends", () => {
  it("reads Verbatim's own shape, where final defaults to true and speaker and timings are optional", () => {
    expect(
      parseCueBody(
        JSON.stringify({
          cues: [{ text: "Good morning." }, { speaker: "Holm", text: "the quo", startMs: 1200, final: false }],
        }),
      ),
    ).toEqual([
      { speaker: null, text: "Good morning.", startMs: null, endMs: null, final: true },
      { speaker: "Holm", text: "the quo", startMs: 1200, endMs: null, final: false },
    ]);
  });

  it("reads a Deepgram live session as it comes off the socket (JSON Lines, metadata included)", () => {
    const body = fs.readFileSync(path.join("lib/ingest/fixtures/json/deepgram-live.jsonl"), "utf8");
    const cues = parseCueBody(body);
    const finals = cues.filter((cue) => cue.final);
    expect(finals[0]).toMatchObject({ text: "Good morning from the city hall press room.", startMs: 0, endMs: 3420 });
    expect(cues.some((cue) => !cue.final && cue.text === "good morning from")).toBe(true);
  });

  it("reads generic is_final messages, one a line or as an array", () => {
    const lines = [
      { text: "good", is_final: false, start: 0 },
      { text: "Good evening.", is_final: true, start: 0, end: 1.5, speaker: "Anchor" },
    ];
    const expected = [
      { speaker: null, text: "good", startMs: 0, endMs: null, final: false },
      { speaker: "Anchor", text: "Good evening.", startMs: 0, endMs: 1500, final: true },
    ];
    expect(parseCueBody(lines.map((line) => JSON.stringify(line)).join("\n"))).toEqual(expected);
    expect(parseCueBody(JSON.stringify(lines))).toEqual(expected);
  });

  it("answers a body it cannot read with a 400 that says what to send", () => {
    for (const body of [
      "",
      "not json at all",
      JSON.stringify({ hello: "world" }),
      JSON.stringify({ cues: [{ speaker: "A" }] }),
    ]) {
      let error: unknown;
      try {
        parseCueBody(body);
      } catch (caught) {
        error = caught;
      }
      expect(error, body).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("BAD_REQUEST");
      expect((error as AppError).message).toMatch(/cues/);
    }
  });
});
