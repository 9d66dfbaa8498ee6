import { describe, expect, it } from "vitest";
import { readSpeakerConvention } from "./conventions";
import { ingestFile } from "./pipeline";
import { sourceLine, type SourceLine } from "./source";
import { buildSegments } from "./structure";

function untimed(...texts: string[]): SourceLine[] {
  return texts.map((text, index) => sourceLine({ line: index + 1, raw: text, text, block: 0 }));
}

/** Lines as the pipeline hands them over: speaker labels read by the file's convention. */
function labelled(...texts: string[]): SourceLine[] {
  return readSpeakerConvention(untimed(...texts)).lines;
}

const sentence = (words: number) => `${Array.from({ length: words - 1 }, () => "word").join(" ")} end.`;

describe("buildSegments", () => {
  it("groups complete-sentence lines until the next one would pass 120 words", () => {
    const lines = untimed(sentence(50), sentence(50), sentence(30), sentence(10));
    const { segments } = buildSegments(lines, { timed: false, titleSpeaker: null });
    expect(segments.map((segment) => segment.text.split(" ").length)).toEqual([100, 40]);
  });

  it("does not break a paragraph in the middle of a sentence, even a long one", () => {
    const lines = untimed(sentence(110), "and this line carries on,", "to end here.");
    const { segments } = buildSegments(lines, { timed: false, titleSpeaker: null });
    expect(segments).toHaveLength(1);
  });

  it("splits a whole speech pasted on one line at sentence ends", () => {
    const speech = Array.from({ length: 30 }, (_, index) => `Point number ${index} is made here.`).join(" ");
    const { segments } = buildSegments(untimed(speech), { timed: false, titleSpeaker: null });
    expect(segments.length).toBeGreaterThan(1);
    expect(segments.map((segment) => segment.text).join(" ")).toBe(speech);
    for (const segment of segments) expect(segment.text.split(" ").length).toBeLessThanOrEqual(120);
  });

  it("gives a monologue to the speaker the title names", () => {
    const speaker = { name: "Kaja Kallas", title: "Prime Minister", role: "official" as const, outlet: null };
    const { segments, speakers } = buildSegments(untimed("Good morning.", "Thank you."), {
      timed: false,
      titleSpeaker: speaker,
    });
    expect(segments).toEqual([
      { speaker: "Kaja Kallas", text: "Good morning. Thank you.", startMs: null, endMs: null },
    ]);
    expect(speakers).toEqual([speaker]);
  });

  it("gives A: to the speaker the title names", () => {
    const speaker = { name: "Kaja Kallas", title: null, role: "official" as const, outlet: null };
    const { segments } = buildSegments(labelled("Q: Why now?", "A: Because we can."), {
      timed: false,
      titleSpeaker: speaker,
    });
    expect(segments.map((segment) => segment.speaker)).toEqual(["Question", "Kaja Kallas"]);
  });

  it("breaks timed paragraphs at pauses over two seconds and keeps cue times", () => {
    const cue = (block: number, text: string, startMs: number, endMs: number) =>
      sourceLine({ line: block * 3 + 2, raw: text, text, block, startMs, endMs });
    const { segments } = buildSegments(
      [cue(0, "We will", 0, 1000), cue(1, "decide today.", 1200, 2500), cue(2, "Next.", 4600, 5000)],
      { timed: true, titleSpeaker: null },
    );
    expect(segments).toEqual([
      { speaker: null, text: "We will decide today.", startMs: 0, endMs: 2500 },
      { speaker: null, text: "Next.", startMs: 4600, endMs: 5000 },
    ]);
  });

  it("splits a timed segment longer than a paragraph, both parts keeping its times", () => {
    const answer = Array.from({ length: 30 }, (_, index) => `Point number ${index} is made here.`).join(" ");
    const line = sourceLine({ line: 1, raw: answer, text: answer, block: 0, startMs: 1000, endMs: 90000 });
    const { segments } = buildSegments([line], { timed: true, titleSpeaker: null });
    expect(segments.length).toBeGreaterThan(1);
    for (const segment of segments) expect(segment).toMatchObject({ startMs: 1000, endMs: 90000 });
  });

  it("breaks unpunctuated auto-captions into paragraphs of readable length, 40 to 150 words", () => {
    const lines = Array.from({ length: 60 }, (_, index) =>
      sourceLine({
        line: index + 1,
        raw: "",
        text: "one two three four five six seven",
        block: index,
        startMs: index * 1000,
        endMs: index * 1000 + 900,
      }),
    );
    const { segments } = buildSegments(lines, { timed: true, titleSpeaker: null });
    expect(segments.length).toBeGreaterThan(2);
    for (const segment of segments) expect(segment.text.split(" ").length).toBeLessThanOrEqual(150);
    for (const segment of segments.slice(0, -1)) expect(segment.text.split(" ").length).toBeGreaterThanOrEqual(40);
    expect(
      segments
        .map((segment) => segment.text)
        .join(" ")
        .split(" "),
    ).toHaveLength(60 * 7);
  });

  it("breaks auto-captions at a one-second pause once a paragraph has 40 words, not before", () => {
    // Ten-word cues back to back, with a 1.2 s pause after cues 2 and 6: the first pause comes after 30 words (too
    // short to stand alone), the second after 70.
    const lines = Array.from({ length: 10 }, (_, index) => {
      const startMs = index * 3000 + (index > 2 ? 1200 : 0) + (index > 6 ? 1200 : 0);
      const text = Array.from({ length: 10 }, (_, word) => `w${index}x${word}`).join(" ");
      return sourceLine({ line: index + 1, raw: text, text, block: index, startMs, endMs: startMs + 3000 });
    });
    const { segments } = buildSegments(lines, { timed: true, titleSpeaker: null });
    expect(segments.map((segment) => segment.text.split(" ").length)).toEqual([70, 30]);
    expect(segments[1]?.startMs).toBe(7 * 3000 + 2400);
  });

  it("ends an untimed turn where the next timed turn starts, and starts it at its label's time", () => {
    const lines = readSpeakerConvention(
      untimed("Dana Whitfield  0:03", "Thanks for coming in.", "Marcus Lee  0:09", "Happy to be here."),
    ).lines;
    const { segments } = buildSegments(lines, { timed: false, titleSpeaker: null });
    expect(segments).toEqual([
      { speaker: "Dana Whitfield", text: "Thanks for coming in.", startMs: 3000, endMs: 9000 },
      { speaker: "Marcus Lee", text: "Happy to be here.", startMs: 9000, endMs: null },
    ]);
  });

  it("joins a short name to the one full name and reports it, unless asked to keep them apart", () => {
    const lines = labelled("Dana Whitfield: Welcome.", "Marcus Lee: Thanks.", "Dana: So, the budget.");
    const merged = buildSegments(lines, { timed: false, titleSpeaker: null });
    expect(merged.segments.map((segment) => segment.speaker)).toEqual([
      "Dana Whitfield",
      "Marcus Lee",
      "Dana Whitfield",
    ]);
    expect(merged.speakerMerges).toEqual([{ from: "Dana", into: "Dana Whitfield" }]);
    const apart = buildSegments(lines, { timed: false, titleSpeaker: null, keepSpeakersApart: ["Dana"] });
    expect(apart.segments.map((segment) => segment.speaker)).toEqual(["Dana Whitfield", "Marcus Lee", "Dana"]);
    expect(apart.speakerMerges).toEqual([]);
  });

  it("never joins a short name two full names share", () => {
    const lines = labelled("Dana Whitfield: Welcome.", "Dana Okoro: Thanks.", "Dana: Who, me?");
    const { segments, speakerMerges } = buildSegments(lines, { timed: false, titleSpeaker: null });
    expect(segments.map((segment) => segment.speaker)).toEqual(["Dana Whitfield", "Dana Okoro", "Dana"]);
    expect(speakerMerges).toEqual([]);
  });

  it("reads a long YouTube auto-caption file into paragraphs of 40 to 150 words, losing no word", async () => {
    // Rolling two-line cues as YouTube writes them: the previous row, then the new row with word timings, then a
    // 10 ms cue holding the new row alone. A 1.5 s pause after every 25th row, where the speaker draws breath.
    const vocabulary = "the river rose two metres overnight and crews worked until dawn to close the barrier".split(
      " ",
    );
    const rows = Array.from({ length: 130 }, (_, row) =>
      Array.from({ length: 6 }, (_, word) => vocabulary[(row * 6 + word) % vocabulary.length] ?? "water"),
    );
    const time = (ms: number) => new Date(ms).toISOString().slice(11, 23);
    let start = 0;
    const pauses: number[] = [];
    const cues = rows.map((row, index) => {
      if (index > 0 && index % 25 === 0) {
        start += 1500;
        pauses.push(start);
      }
      const timed = row.map((word, at) => (at === 0 ? word : `<${time(start + at * 300)}><c> ${word}</c>`)).join("");
      const previous = index === 0 ? " " : (rows[index - 1] ?? []).join(" ");
      const cue = [
        `${time(start)} --> ${time(start + 2390)} align:start position:0%\n${previous}\n${timed}`,
        `${time(start + 2390)} --> ${time(start + 2400)} align:start position:0%\n${row.join(" ")}\n `,
      ].join("\n\n");
      start += 2400;
      return cue;
    });
    const vtt = `WEBVTT\nKind: captions\nLanguage: en\n\n${cues.join("\n\n")}\n`;
    const result = await ingestFile({ bytes: new TextEncoder().encode(vtt), filename: "captions.en.vtt" });
    const lengths = result.segments.map((segment) => segment.text.split(" ").length);
    expect(lengths.reduce((total, length) => total + length, 0)).toBe(130 * 6);
    for (const length of lengths) expect(length).toBeLessThanOrEqual(150);
    for (const length of lengths.slice(0, -1)) expect(length).toBeGreaterThanOrEqual(40);
    const starts = new Set(result.segments.map((segment) => segment.startMs));
    for (const pause of pauses)
      expect(starts.has(pause), `a paragraph starts after the pause at ${pause} ms`).toBe(true);
  });
});
