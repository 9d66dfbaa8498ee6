import { describe, expect, it } from "vitest";
import { judgeEmissions, looksLikeStreaming, type Emission } from "./stream-repeats";

function emission(text: string, startMs: number, endMs: number): Emission {
  return { text, startMs, endMs };
}

describe("streaming re-emissions", () => {
  it("keeps the fullest version of a growing utterance, and a revised guess from the same start", () => {
    const emissions = [
      emission("the", 0, 400),
      emission("the minster", 0, 800),
      emission("the minister said", 0, 1200),
      emission("The minister said the talks resume.", 0, 2400),
      emission("Nobody else spoke.", 2600, 3800),
    ];
    expect(looksLikeStreaming(emissions)).toBe(true);
    expect(judgeEmissions(emissions)).toEqual([
      { kind: "superseded", by: 1 },
      { kind: "superseded", by: 2 },
      { kind: "superseded", by: 3 },
      { kind: "kept" },
      { kind: "kept" },
    ]);
  });

  it("marks a re-sent sentence, and a backwards re-sync of its end, as repeats", () => {
    const emissions = [
      emission("Talks resume on Monday.", 0, 2000),
      emission("Talks resume on Monday.", 0, 2000),
      emission("on Monday.", 1200, 2000),
      emission("On Monday, in Geneva.", 2500, 4000),
    ];
    expect(judgeEmissions(emissions)).toEqual([
      { kind: "kept" },
      { kind: "repeat", of: 0 },
      { kind: "repeat", of: 0 },
      // Said again later, after the first ended: speech, not a re-emission.
      { kind: "kept" },
    ]);
  });

  it("does not take ordinary subtitles for streaming output", () => {
    const film = [
      emission("No.", 1000, 1500),
      emission("No.", 2000, 2500),
      emission("No, I said no.", 3000, 4500),
      emission("Then we go tonight.", 5000, 7000),
      emission("Tonight?", 7200, 8000),
      emission("Tonight.", 8200, 9000),
      emission("We leave at nine.", 9500, 11000),
    ];
    expect(looksLikeStreaming(film)).toBe(false);
  });
});
