import { describe, expect, it } from "vitest";
import { countWords } from "../../prose";
import { fixture, ingestFixture, speechOf } from "../../test-support/fixtures";
import { wordsAccountedFor } from "../../test-support/subtitles";

function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(fixture(name))) as Record<string, unknown>;
}

/** The same press conversation, exported by each tool: three speakers, seven turns. */
const TURNS = [
  "Good afternoon. The port authority has decided to reopen the northern terminal on Monday. Ships will be cleared in order of arrival.",
  "Thank you. How many ships are waiting outside the harbour right now?",
  "Forty-one, as of this morning. Most of them are container ships, and six are tankers.",
  "Will the tankers go first?",
  "No. There is no priority for any kind of cargo. That was agreed with the shipping lines last week.",
  "Can I follow up on that? The fuel importers say they were not consulted.",
  "They were invited to the meeting on the ninth, and two of them came.",
];
const WORDS_SPOKEN = TURNS.reduce((total, turn) => total + countWords(turn), 0);

describe("AssemblyAI (utterances, speakers A/B/C, times in milliseconds)", () => {
  it("gives each utterance to its speaker, with its times", async () => {
    const result = await ingestFixture("json/assemblyai.json");
    expect(result.segments.map((segment) => [segment.speaker, segment.text])).toEqual(
      ["A", "B", "A", "B", "A", "C", "A"].map((speaker, index) => [`Speaker ${speaker}`, TURNS[index]]),
    );
    const utterances = fixtureJson("json/assemblyai.json").utterances as { start: number; end: number }[];
    expect(result.segments.map((segment) => [segment.startMs, segment.endMs])).toEqual(
      utterances.map((utterance) => [utterance.start, utterance.end]),
    );
    expect(result.speakers.map((speaker) => [speaker.name, speaker.role])).toEqual([
      ["Speaker A", "speaker"],
      ["Speaker B", "speaker"],
      ["Speaker C", "speaker"],
    ]);
    expect(result.wordCount).toBe(WORDS_SPOKEN);
  });
});

describe("Deepgram (results.channels[].alternatives[], times in seconds)", () => {
  it("reads paragraphs of sentences with a speaker each", async () => {
    const result = await ingestFixture("json/deepgram-paragraphs.json");
    expect(result.segments.map((segment) => [segment.speaker, segment.text])).toEqual(
      [0, 1, 0, 1, 0, 2, 0].map((speaker, index) => [`Speaker ${speaker}`, TURNS[index]]),
    );
    expect(result.segments[0]).toMatchObject({ startMs: 480, endMs: 10640 });
    expect(result.wordCount).toBe(WORDS_SPOKEN);
  });

  it("joins diarised words (punctuated_word, speaker) into the same turns when there are no paragraphs", async () => {
    const fromWords = await ingestFixture("json/deepgram-words.json");
    const fromParagraphs = await ingestFixture("json/deepgram-paragraphs.json");
    expect(fromWords.segments).toEqual(fromParagraphs.segments);
  });
});

describe("Amazon Transcribe (results.items with string times, punctuation items, speaker_labels)", () => {
  it("joins items into sentences, punctuation attached, and gives each turn its speaker", async () => {
    const result = await ingestFixture("json/aws-transcribe.json");
    expect(result.segments.map((segment) => [segment.speaker, segment.text])).toEqual(
      [0, 1, 0, 1, 0, 2, 0].map((speaker, index) => [`Speaker ${speaker}`, TURNS[index]]),
    );
    expect(result.segments[1]).toMatchObject({ startMs: 11650, endMs: 17000 });
    expect(result.durationMs).toBe(result.segments.at(-1)!.endMs! - 480);
    expect(result.wordCount).toBe(WORDS_SPOKEN);
  });

  it("falls back to results.transcripts when there are no items", async () => {
    const json = JSON.stringify({
      jobName: "short",
      status: "COMPLETED",
      results: { transcripts: [{ transcript: "Nothing to add." }], items: [] },
    });
    const { ingestFile } = await import("../../pipeline");
    const result = await ingestFile({ bytes: new TextEncoder().encode(json), filename: "asrOutput.json" });
    expect(speechOf(result)).toBe("Nothing to add.");
  });
});

describe("generic transcript JSON in sections, named .txt", () => {
  it("reads prepared remarks then questions and answers, each with its speaker", async () => {
    const result = await ingestFixture("json/earnings-call.txt");
    expect(result.source.format).toBe("json");
    expect(result.segments.map((segment) => segment.speaker)).toEqual([
      "Operator",
      "Helen Cho",
      "Rafael Ortiz",
      "Mei Lin",
      "Operator",
      "Daniel Weiss",
      "Rafael Ortiz",
      "Operator",
      "Sofia Reyes",
      "Mei Lin",
      "Operator",
    ]);
    const sections = fixtureJson("json/earnings-call.txt") as Record<string, { speech: string }[]>;
    const spoken = [...(sections.prepared_remarks ?? []), ...(sections.q_and_a ?? [])];
    expect(result.wordCount).toBe(spoken.reduce((total, item) => total + countWords(item.speech), 0));
    expect(result.removed).toEqual([]);
  });
});

describe("streaming recognition log (Deepgram live, JSON Lines)", () => {
  it("keeps the finals once and lists the partials and the re-sent final as stream repeats", async () => {
    const result = await ingestFixture("json/deepgram-live.jsonl");
    expect(result.source.format).toBe("json");
    expect(result.segments).toEqual([
      {
        speaker: null,
        text:
          "Good morning from the city hall press room. The mayor will arrive in a few minutes. We expect her to speak " +
          "about the budget and the bus strike.",
        startMs: 0,
        endMs: 11380,
      },
    ]);
    expect(result.removed.map((line) => [line.line, line.text, line.reason])).toEqual([
      [2, "good", "Streaming recognition: a partial result, replaced by the final one."],
      [3, "good morning from", "Streaming recognition: a partial result, replaced by the final one."],
      [4, "good morning from the city", "Streaming recognition: a partial result, replaced by the final one."],
      [6, "the mayor", "Streaming recognition: a partial result, replaced by the final one."],
      [7, "the mayor will arrive", "Streaming recognition: a partial result, replaced by the final one."],
      [9, "The mayor will arrive in a few minutes.", "Streaming recognition: a final result sent again."],
      [10, "we expect", "Streaming recognition: a partial result, replaced by the final one."],
      [11, "we expect her to speak about", "Streaming recognition: a partial result, replaced by the final one."],
    ]);
    const messages = new TextDecoder()
      .decode(fixture("json/deepgram-live.jsonl"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { channel?: { alternatives?: { transcript: string }[] } });
    const wordsIn = messages.reduce(
      (total, message) => total + countWords(message.channel?.alternatives?.[0]?.transcript ?? ""),
      0,
    );
    expect(wordsAccountedFor(result)).toBe(wordsIn);
  });
});
