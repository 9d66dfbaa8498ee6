import { describe, expect, it } from "vitest";
import { countWords, endsSentence, isAbbreviation, splitSentences } from "./prose";
import { sourceLine } from "./source";
import { buildSegments } from "./structure";

describe("splitSentences", () => {
  it("never splits after a title, a rank or a dotted abbreviation", () => {
    expect(
      splitSentences(
        "Mr. Kirby, the U.S. position has not changed. Gen. Milley spoke to Sen. Warren and Dr. Fauci on the way to " +
          "No. 10 Downing St. yesterday. The U.K. and the U.S. agreed, e.g. on the timing of the exercise. Thank you.",
      ),
    ).toEqual([
      "Mr. Kirby, the U.S. position has not changed.",
      "Gen. Milley spoke to Sen. Warren and Dr. Fauci on the way to No. 10 Downing St. yesterday.",
      "The U.K. and the U.S. agreed, e.g. on the timing of the exercise.",
      "Thank you.",
    ]);
  });

  it("never splits after an initial", () => {
    expect(
      splitSentences("Jens S. Stoltenberg opened the meeting. John F. Kennedy said it first. We agree with him."),
    ).toEqual(["Jens S. Stoltenberg opened the meeting.", "John F. Kennedy said it first.", "We agree with him."]);
  });

  it("splits at question and exclamation marks and after closing quotes", () => {
    expect(splitSentences("Will you go to Kyiv? “We will see.” Thank you! Next question.")).toEqual([
      "Will you go to Kyiv?",
      "“We will see.”",
      "Thank you!",
      "Next question.",
    ]);
  });

  it("ends a sentence on a plain “no.”, which is not “No. 10”", () => {
    expect(splitSentences("The answer is no. We will not send troops.")).toEqual([
      "The answer is no.",
      "We will not send troops.",
    ]);
  });

  it("keeps abbreviations and initials of French, German, Russian and Ukrainian", () => {
    expect(splitSentences("M. Macron a reçu Mme Borne à l’Élysée. Ensuite ils ont parlé à la presse.")).toEqual([
      "M. Macron a reçu Mme Borne à l’Élysée.",
      "Ensuite ils ont parlé à la presse.",
    ]);
    expect(splitSentences("Der Kanzler sprach z. B. über die Ukraine. Danach gab es Fragen.")).toEqual([
      "Der Kanzler sprach z. B. über die Ukraine.",
      "Danach gab es Fragen.",
    ]);
    expect(splitSentences("Президент В. Зеленський прибув до Києва 24 лютого 2023 р. у день роковин. Дякую.")).toEqual([
      "Президент В. Зеленський прибув до Києва 24 лютого 2023 р. у день роковин.",
      "Дякую.",
    ]);
    expect(splitSentences("Об этом заявил С. Лавров. Следующий вопрос.")).toEqual([
      "Об этом заявил С. Лавров.",
      "Следующий вопрос.",
    ]);
  });

  it("keeps numbers, times and addresses whole", () => {
    expect(splitSentences("We pledged $3.5 billion at 5 p.m. on Monday. That was new.")).toEqual([
      "We pledged $3.5 billion at 5 p.m. on Monday.",
      "That was new.",
    ]);
    expect(splitSentences("Details are on nato.int today. Thank you.")).toEqual([
      "Details are on nato.int today.",
      "Thank you.",
    ]);
  });

  it("returns pieces of the original text, spacing included, and loses no word", () => {
    const text = "Mr.\u00a0Stoltenberg,  thank you.\u00a0Secretary General, a question on Ukraine.  And one more.";
    const sentences = splitSentences(text);
    expect(sentences).toEqual([
      "Mr.\u00a0Stoltenberg,  thank you.",
      "Secretary General, a question on Ukraine.",
      "And one more.",
    ]);
    for (const sentence of sentences) expect(text).toContain(sentence);
    expect(countWords(sentences.join(" "))).toBe(countWords(text));
  });

  it("returns unpunctuated text whole, and nothing for blank text", () => {
    expect(splitSentences("  so we will see how it goes  ")).toEqual(["so we will see how it goes"]);
    expect(splitSentences("   ")).toEqual([]);
  });
});

describe("endsSentence", () => {
  it("is true at a full stop, question mark or closing quote", () => {
    expect(endsSentence("We are ready.")).toBe(true);
    expect(endsSentence("Are you ready? ")).toBe(true);
    expect(endsSentence("He said “ready.”")).toBe(true);
    expect(endsSentence("We meet at 5 p.m.")).toBe(true);
  });

  it("is false after an abbreviation or an initial, and without punctuation", () => {
    for (const text of ["I spoke to Gen.", "with the U.S.", "President John F.", "Sen.", "and"]) {
      expect(endsSentence(text), text).toBe(false);
    }
  });
});

describe("isAbbreviation", () => {
  it("knows titles, initials and dotted abbreviations, not ordinary words", () => {
    for (const word of ["Mr.", "Gen.", "Dr.", "Sen.", "St.", "U.S.", "e.g.", "S.", "(Dr.", "Mme.", "г.", "р."]) {
      expect(isAbbreviation(word), word).toBe(true);
    }
    for (const word of ["no.", "today.", "Ukraine.", "NATO.", "Gen", "p.m."])
      expect(isAbbreviation(word), word).toBe(false);
  });
});

describe("paragraphs", () => {
  it("never break after an abbreviation that ends a caption line", () => {
    const cue = (index: number, text: string) =>
      sourceLine({ line: index, raw: text, text, block: index, startMs: index * 3000, endMs: index * 3000 + 2900 });
    // 112 words, so the next cues take the paragraph past 120 words right after "Gen.".
    const long = Array.from({ length: 14 }, () => "we discussed the situation on the eastern flank.").join(" ");
    const lines = [
      cue(1, long),
      cue(2, "Then I spoke to Gen."),
      cue(3, "Milley and to Sen."),
      cue(4, "Warren about it."),
    ];
    const { segments } = buildSegments(lines, { timed: true, titleSpeaker: null });
    const texts = segments.map((segment) => segment.text);
    expect(texts.some((text) => text.includes("Gen. Milley and to Sen. Warren about it."))).toBe(true);
  });
});
