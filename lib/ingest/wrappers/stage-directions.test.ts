import { describe, expect, it } from "vitest";
import { parseSpeakerLabel } from "../speakers";
import { isStageDirection, stageDirectionSpans } from "./stage-directions";

describe("isStageDirection", () => {
  it("knows stage directions in the languages newsrooms transcribe", () => {
    for (const text of [
      "[Applause]",
      "(Applause.)",
      "(Laughter.)",
      "(Laughter and applause.)",
      "[APPLAUSE AND CHEERS]",
      "(As interpreted.)",
      "(As prepared for delivery.)",
      "[Music]",
      "[MUSIC PLAYING]",
      "[Outro music]",
      "(The President departs.)",
      "(сміх)",
      "(оплески)",
      "(Через перекладача.)",
      "(Смех)",
      "(Rires)",
      "(Applaudissements)",
      "[Música]",
      "(Aplausos)",
      "(Beifall)",
      "(Heiterkeit)",
      "[Gelächter]",
      "(Applause.) (Laughter.)",
    ]) {
      expect(isStageDirection(text), text).toBe(true);
    }
  });

  it("leaves transcriber markers, timestamps, speech in parentheses and speaker labels alone", () => {
    for (const text of [
      "[inaudible 00:12:03]",
      "[inaudible]",
      "[crosstalk]",
      "(unintelligible)",
      "[12:03]",
      "(00:12:31)",
      "[JOHN OKAFOR]",
      "(NATO Spokesperson)",
      "(I think that was in 2019.)",
      "Thank you. (Applause.)",
      "Applause",
      "",
    ]) {
      expect(isStageDirection(text), text).toBe(false);
    }
  });
});

describe("stageDirectionSpans", () => {
  it("finds each inline stage direction and nothing else", () => {
    const text = "Now, I've been told that's an expensive promise. (Laughter.) It is. [inaudible 00:06:02] (Applause.)";
    expect(stageDirectionSpans(text).map((span) => text.slice(span.start, span.end))).toEqual([
      "(Laughter.)",
      "(Applause.)",
    ]);
    expect(stageDirectionSpans("We met in (the old) town hall.")).toEqual([]);
  });
});

describe("stage directions and speaker labels", () => {
  it("does not take a bracketed stage direction for a speaker", () => {
    for (const text of ["[Música]", "[Beifall] Danke schön.", "[Rires]", "[Сміх]", "[MUSIC PLAYING]"]) {
      expect(parseSpeakerLabel(text), text).toBeNull();
    }
    expect(parseSpeakerLabel("[JOHN OKAFOR] We are ready.")).toMatchObject({ kind: "named" });
  });
});
