import { beforeAll, describe, expect, it } from "vitest";
import type { IngestResult } from "../types";
import { detectConvention, readSpeakerConvention } from ".";
import { government } from "./government";
import {
  conventionFixture,
  ingestConventionFixture,
  linesOf,
  segmentWith,
  wordsAccountedFor,
  wordsWithoutLabels,
} from "./test-support";

const NAME = "white-house-briefing.txt";
/** What a label is in this fixture, stated independently of the convention module. */
const LABELS = [/^(?:MS|MR)\. [A-Z-]+:/, /^Q(?=[ \u00a0])/];

/** Each question in the fixture: its first words, and who introduced themself at its start, if anyone. */
function questions(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => /^Q[ \u00a0]{2,}/.test(line))
    .map((line) => line.slice(1).trim().split(/\s+/).slice(0, 8).join(" "));
}

describe("the government transcript convention", () => {
  it("reads MS. NAME:, MR. NAME:, THE PRESIDENT:, office and name, and bare, colon and stop Q", () => {
    const lines = linesOf(
      [
        "THE PRESIDENT:  Thank you all.",
        "Q    Mr. President, will you run?",
        "PRESIDENT OBAMA:  I am not running.",
        "Q\u00a0 And the Vice President?",
        "SECRETARY BLINKEN:  Let me add one thing.",
        "Q:  Secretary, on Gaza?",
        "VICE PRESIDENT HARRIS:  We are working on it.",
        "Q.  Thank you.",
        "SENIOR ADMINISTRATION OFFICIAL:  On background, yes.",
      ].join("\n"),
    );
    expect(detectConvention(lines)).toBe(government);
    const turns = readSpeakerConvention(lines).lines.map((line) => [line.turn?.speaker, line.text]);
    expect(turns).toEqual([
      [{ name: "The President", title: "President", role: "official", outlet: null }, "Thank you all."],
      [{ name: "Question", title: null, role: "questioner", outlet: null }, "Mr. President, will you run?"],
      [{ name: "Obama", title: "President", role: "official", outlet: null }, "I am not running."],
      [{ name: "Question", title: null, role: "questioner", outlet: null }, "And the Vice President?"],
      [{ name: "Blinken", title: "Secretary", role: "official", outlet: null }, "Let me add one thing."],
      [{ name: "Question", title: null, role: "questioner", outlet: null }, "Secretary, on Gaza?"],
      [{ name: "Harris", title: "Vice President", role: "official", outlet: null }, "We are working on it."],
      [{ name: "Question", title: null, role: "questioner", outlet: null }, "Thank you."],
      [{ name: "Senior Administration Official", title: null, role: "official", outlet: null }, "On background, yes."],
    ]);
  });

  it("does not take a Q in a sentence, or a single space after Q, for a question", () => {
    const lines = linesOf("MR. KIRBY:  Thanks.\nQ and A sessions are on Fridays.\nQ Tell us more.");
    expect(readSpeakerConvention(lines).lines.map((line) => line.turn === undefined)).toEqual([false, true, true]);
  });

  it("is not chosen for a transcript of plain NAME: labels with Q:", () => {
    const lines = linesOf("JENS STOLTENBERG:  Good afternoon.\nQ:  Will you stay?\nJENS STOLTENBERG:  Yes.");
    expect(detectConvention(lines).id).toBe("labels");
  });
});

describe("a White House briefing, end to end", () => {
  let result: IngestResult;
  const text = conventionFixture(NAME);

  beforeAll(async () => {
    result = await ingestConventionFixture(NAME);
  });

  it("is recognised as a government transcript, titled by its first line", () => {
    expect(result.convention).toEqual({ id: "government", name: "Government transcript (MR. NAME: / Q)" });
    expect(result.title).toBe(
      "Press Briefing by Press Secretary Karine Jean-Pierre and NSC Coordinator for Strategic Communications John Kirby",
    );
    expect(result.occurredAt).toBe("2023-10-10");
  });

  it("names the officials and the questioners who introduced themselves, with their outlets", () => {
    expect(result.speakers).toEqual(
      expect.arrayContaining([
        { name: "Karine Jean-Pierre", title: "Press Secretary", role: "official", outlet: null },
        { name: "Kirby", title: "Mr.", role: "official", outlet: null },
        { name: "Question", title: null, role: "questioner", outlet: null },
        { name: "Ana Ribeiro", title: null, role: "questioner", outlet: "Público" },
        { name: "Tom Jones", title: null, role: "questioner", outlet: "Reuters" },
        { name: "Marta Kowalczyk", title: null, role: "questioner", outlet: "Polish Radio" },
        { name: "Lena Fischer", title: null, role: "questioner", outlet: "Deutsche Welle" },
      ]),
    );
    expect(result.speakers).toHaveLength(7);
    expect(result.speakerMerges).toEqual([{ from: "Jean-Pierre", into: "Karine Jean-Pierre" }]);
  });

  it("credits every one of the 40 questions to a questioner, never to the official who spoke before", () => {
    const asked = questions(text);
    expect(asked).toHaveLength(40);
    const questioners = new Set(result.speakers.filter((s) => s.role === "questioner").map((s) => s.name));
    for (const opening of asked) {
      const segment = segmentWith(result, opening);
      expect(segment, opening).toBeDefined();
      expect(segment?.text.startsWith(opening), opening).toBe(true);
      expect(questioners.has(segment?.speaker ?? ""), `${opening} → ${segment?.speaker}`).toBe(true);
    }
  });

  it("gives follow-ups to the questioner they follow, and a new reporter's question to Question", () => {
    const by = (words: string) => segmentWith(result, words)?.speaker;
    expect(by("Ana Ribeiro, Público.")).toBe("Ana Ribeiro");
    expect(by("And just to follow up, has the President")).toBe("Ana Ribeiro");
    expect(by("Is the carrier group meant")).toBe("Question");
    expect(by("Hi, Tom Jones with Reuters.")).toBe("Tom Jones");
    expect(by("But are you looking for it?")).toBe("Tom Jones");
    expect(by("Marta Kowalczyk from Polish Radio, thank you.")).toBe("Marta Kowalczyk");
    expect(by("So does that mean a single supplemental")).toBe("Marta Kowalczyk");
    expect(by("On the evacuation of Americans")).toBe("Question");
    // "And…" after the answer to an anonymous question stays anonymous.
    expect(by("And does the President have a preferred candidate")).toBe("Question");
  });

  it("leaves no label, heading or clock line in the speech", () => {
    const speech = result.segments.map((segment) => segment.text).join("\n");
    for (const furniture of ["MS. JEAN-PIERRE", "MR. KIRBY", "Q  ", "Q\u00a0", "P.M. EDT", "Briefing Room", "END"]) {
      expect(speech).not.toContain(furniture);
    }
    for (const segment of result.segments) expect(segment.speaker).not.toBeNull();
    expect(result.removed.map((line) => [line.text, line.reasonCode])).toEqual([
      [result.removed[0]?.text, "title"],
      ["OCTOBER 10, 2023", "title"],
      ["Press Briefings", "dateline"],
      ["James S. Brady Press Briefing Room", "dateline"],
      ["1:05 P.M. EDT", "dateline"],
      ["END                1:58 P.M. EDT", "dateline"],
    ]);
  });

  it("accounts for every word: speech in equals speech out plus the removed lines", () => {
    expect(wordsAccountedFor(result)).toBe(wordsWithoutLabels(text, LABELS));
  });
});
