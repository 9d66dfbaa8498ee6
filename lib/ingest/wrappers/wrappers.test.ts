import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestFile } from "../pipeline";
import { countWords } from "../prose";
import { sourceLine, type SourceLine } from "../source";
import { parseSpeakerLabel } from "../speakers";
import type { IngestResult } from "../types";
import { markWrapperLines } from "./index";
import { isStageDirection } from "./stage-directions";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "wrappers");

function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

function ingestWrapperFixture(name: string, restore?: number[]): Promise<IngestResult> {
  return ingestFile({ bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))), filename: name, restore });
}

function speechOf(result: IngestResult): string {
  return result.segments.map((segment) => segment.text).join("\n");
}

/** A bracketed recording time opening a line: a timing, not a word of speech. */
const LEADING_TIMESTAMP = /^\\?\[\d{1,2}:\d{2}(?::\d{2})?\\?\]\s+/;

/**
 * Words of a line as the test counts them, independently of the parser: tags and entities out, Markdown emphasis
 * and escapes out. Applied alike to the file's lines and to removed lines, so markup counts the same on both sides.
 */
function plainWords(text: string): number {
  return countWords(
    text
      .replace(/<[^>]*>/g, " ")
      .replace(/&nbsp;/g, " ")
      .replace(/(?<=\p{L})&[a-z]+;(?=\p{L})/gu, "’") // Governor&rsquo;s is one word
      .replace(/&(?:#\d+|#x[\da-f]+|[a-z]+);/gi, " ")
      .replace(/\\([[\]])/g, "$1")
      .replace(/[*_]/g, ""),
  );
}

/** The words a reader could have spoken in the file: every line, less speaker labels and leading timestamps. */
function speechWordsIn(text: string): number {
  let total = 0;
  for (const raw of text.split("\n")) {
    // A government transcript's labels are not words: a bare "Q" (two spaces or a no-break space, no colon) and an
    // office in capitals ("THE PRESIDENT:").
    const line = raw
      .trim()
      .replace(LEADING_TIMESTAMP, "")
      .replace(/^Q(?: {2,}|\u00A0)\s*/, "")
      .replace(/^THE [A-Z][A-Z .'’-]*:\s+/, "");
    const plain = line
      .replace(/<[^>]*>/g, " ")
      .replace(/[*_]/g, "")
      .trim();
    const label = parseSpeakerLabel(plain);
    total += label ? plainWords(label.rest) : plainWords(line);
  }
  return total;
}

function wordsOut(result: IngestResult): number {
  const removedWords = result.removed.reduce((sum, line) => sum + plainWords(line.text), 0);
  return result.wordCount + removedWords;
}

const FIXTURE_NAMES = [
  "hugo-conference-fr.md",
  "buergerdialog-leipzig.md",
  "cms-export-briefing.md",
  "whitehouse-remarks.txt",
  "ukrainian-briefing.txt",
  "podcast-escaped-timestamps.md",
];

describe("document wrappers: nothing lost", () => {
  it.each(FIXTURE_NAMES)("%s: speech words in = words out + removed[]", async (name) => {
    const result = await ingestWrapperFixture(name);
    expect(wordsOut(result)).toBe(speechWordsIn(fixtureText(name)));
  });

  it.each(FIXTURE_NAMES)("%s: every removed line can be restored, and the others keep their ids", async (name) => {
    const result = await ingestWrapperFixture(name);
    const everything = await ingestWrapperFixture(
      name,
      result.removed.map((line) => line.id),
    );
    expect(everything.removed).toEqual([]);
    for (const line of result.removed.filter((removed) => removed.reasonCode !== "title")) {
      expect(speechOf(everything)).toContain(
        line.text
          .replace(/\s+/g, " ")
          .replace(/^\\?\[|\\?\]$/g, "")
          .trim(),
      );
    }
    const [first, ...others] = result.removed;
    if (first) {
      const oneRestored = await ingestWrapperFixture(name, [first.id]);
      expect(oneRestored.removed).toEqual(others);
    }
  });
});

describe("YAML front matter (Hugo, French keys)", () => {
  it("supplies the title, date, place and source URL", async () => {
    const result = await ingestWrapperFixture("hugo-conference-fr.md");
    expect(result).toMatchObject({
      title: "Conférence de presse du ministre des Armées à Toulon",
      occurredAt: "2024-03-14",
      place: "Toulon",
      sourceUrl: "https://www.defense.gouv.fr/actualites/conference-presse-ministre-armees-toulon",
    });
    expect(result.warnings).toEqual([]);
  });

  it("is reported line by line as front matter and never read as speech", async () => {
    const result = await ingestWrapperFixture("hugo-conference-fr.md");
    const frontMatter = result.removed.filter((line) => line.reasonCode === "front-matter");
    expect(frontMatter.map((line) => line.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(frontMatter[1]).toMatchObject({
      text: 'titre: "Conférence de presse du ministre des Armées à Toulon"',
      reason: "Front matter (YAML), read for the title, date, place and source; not speech.",
    });
    const speech = speechOf(result);
    for (const fragment of ["titre:", "lieu:", "draft", "defense.gouv.fr", "Service de presse"]) {
      expect(speech).not.toContain(fragment);
    }
    expect(result.segments[0]).toMatchObject({ speaker: "Modératrice" });
    expect(result.segments[0]?.text).toMatch(/^Bonjour à toutes et à tous/);
  });

  it("keeps (Applaudissements) and (Rires) as their own unattributed paragraphs", async () => {
    const result = await ingestWrapperFixture("hugo-conference-fr.md");
    const directions = result.segments.filter((segment) => isStageDirection(segment.text));
    expect(directions.map((segment) => [segment.speaker, segment.text])).toEqual([
      [null, "(Applaudissements)"],
      [null, "(Rires)"],
      [null, "(Applaudissements)"],
    ]);
    // The minister's next words are still his after the laughter.
    const afterLaughter = result.segments[result.segments.findIndex((segment) => segment.text === "(Rires)") + 1];
    expect(afterLaughter).toMatchObject({ speaker: "Sébastien Lecornu" });
  });

  it("reports a broken block as a warning and keeps its lines out of the speech", async () => {
    const text = '---\ntitle: "Budget hearing\ndate: [2024-05-02\n---\n\nMODERATOR: Good morning.\n';
    const result = await ingestFile({ bytes: new TextEncoder().encode(text), filename: "hearing.md" });
    expect(result.warnings).toEqual([expect.stringMatching(/^The YAML front matter on lines 1–4 could not be read/)]);
    expect(result.removed.map((line) => line.reasonCode)).toEqual([
      "front-matter",
      "front-matter",
      "front-matter",
      "front-matter",
    ]);
    expect(result.removed[1]?.reason).toBe("Front matter (YAML) that could not be read; not speech.");
    expect(speechOf(result)).toBe("Good morning.");
    expect(result.sourceUrl).toBeNull();
  });
});

describe("TOML front matter (German keys)", () => {
  it("supplies the title, date, place and the absolute source, not the site path", async () => {
    const result = await ingestWrapperFixture("buergerdialog-leipzig.md");
    expect(result).toMatchObject({
      title: "Bürgerdialog zur Energiewende in Leipzig",
      occurredAt: "2023-11-09",
      place: "Leipzig, Kongresshalle am Zoo",
      sourceUrl: "https://www.bundesregierung.de/breg-de/aktuelles/buergerdialog-energiewende-leipzig-2023",
    });
    expect(result.removed.every((line) => line.reasonCode === "front-matter")).toBe(true);
    expect(result.removed.map((line) => line.text)).toContain("[params]");
    expect(speechOf(result)).not.toMatch(/\+\+\+|Titel =|reihe|Kanzlergespräch/);
  });

  it("keeps (Beifall) apart and an inline [Gelächter] inside the sentence it interrupts", async () => {
    const result = await ingestWrapperFixture("buergerdialog-leipzig.md");
    expect(result.segments.filter((segment) => segment.speaker === null).map((segment) => segment.text)).toEqual([
      "(Beifall)",
      "(Heiterkeit)",
      "(Beifall)",
    ]);
    expect(result.segments.find((segment) => segment.text.includes("[Gelächter]"))).toMatchObject({
      speaker: "Bundeskanzler",
    });
    expect(result.speakers.map((speaker) => speaker.name)).not.toContain("Gelächter");
  });
});

describe("HTML inside Markdown (a CMS export)", () => {
  it("reads the words of paragraphs with inline tags and entities", async () => {
    const result = await ingestWrapperFixture("cms-export-briefing.md");
    expect(result.title).toBe("Flood response briefing with Governor Adaeze Okafor, Lagos");
    expect(result.occurredAt).toBe("2024-06-04");
    expect(result.segments.find((segment) => segment.text.startsWith("Thank you. Since Sunday night"))?.text).toBe(
      "Thank you. Since Sunday night, more than 14,000 people have left their homes in Ikorodu and Lekki. The State " +
        "Emergency Management Agency has opened nine camps, and every one of them has clean water & power. We have " +
        "asked the federal government for two more field hospitals.",
    );
    expect(speechOf(result)).toContain("I know that is not the answer families want to hear — but it is the true one.");
    expect(result.segments.map((segment) => segment.speaker)).toEqual([
      "Moderator",
      "Adaeze Okafor",
      "Adaeze Okafor",
      "Chinedu Bello",
      "Adaeze Okafor",
      "Amaka Eze",
      "Adaeze Okafor",
      "Moderator",
    ]);
  });

  it("removes embeds, media, scripts, styles, comments, the byline and layout tags with a reason", async () => {
    const result = await ingestWrapperFixture("cms-export-briefing.md");
    const speech = speechOf(result);
    for (const fragment of [
      "<",
      "&nbsp;",
      "&rsquo;",
      "wp:",
      "youtube",
      "iframe",
      "Your browser",
      "pic.twitter",
      "margin",
    ]) {
      expect(speech).not.toContain(fragment);
    }
    expect(speech).not.toContain("Watch the full briefing");
    expect(speech).not.toContain("Transcript prepared by");
    const reasons = new Map(result.removed.map((line) => [line.text.slice(0, 12), line.reason]));
    expect(reasons.get("<figure clas")).toBe("Figure with its caption (HTML), not speech.");
    expect(reasons.get("<script asyn")).toBe("Page script (HTML), not speech.");
    expect(reasons.get("<audio contr")).toBe("Embedded audio player (HTML), not speech.");
    expect(reasons.get('<div class="')).toBeDefined();
    expect(reasons.get("<style>")).toBe("Page styles (HTML), not speech.");
    expect(reasons.get("<!-- wp:embe")).toBe("HTML comment, a note in the page source, not speech.");
    expect(reasons.get('<a href="htt')).toBe("A link on its own line (page furniture), not speech.");
    expect(
      result.removed.filter((line) => line.reasonCode !== "title").every((line) => line.reasonCode === "html"),
    ).toBe(true);
  });
});

describe("datelines and clock lines (whitehouse.gov remarks)", () => {
  it("reads the place from the dateline and removes it and the clock lines from the speech", async () => {
    const result = await ingestWrapperFixture("whitehouse-remarks.txt");
    expect(result.title).toBe("Remarks by President Biden on Rebuilding the Francis Scott Key Bridge");
    expect(result.occurredAt).toBe("2024-03-08");
    expect(result.place).toBe("Rose Garden");
    expect(result.removed.map((line) => [line.line, line.reasonCode, line.text])).toEqual([
      [1, "title", "Remarks by President Biden on Rebuilding the Francis Scott Key Bridge"],
      [2, "title", "March 8, 2024"],
      [3, "dateline", "Rose Garden"],
      [5, "dateline", "2:14 P.M. EDT"],
      [37, "dateline", `END${"\u00a0".repeat(16)}2:48 P.M. EDT`],
    ]);
    expect(result.removed[3]?.reason).toBe("Start of the event at 2:14 P.M. EDT, read as time, not speech.");
    expect(result.removed[4]?.reason).toBe("End of the event at 2:48 P.M. EDT, read as time, not speech.");
    expect(speechOf(result)).not.toMatch(/Rose Garden|P\.M\. EDT|\bEND\b/);
  });

  it("keeps (Applause.) and (Laughter.) on their own line as unattributed paragraphs, inline ones in the words", async () => {
    const result = await ingestWrapperFixture("whitehouse-remarks.txt");
    const alone = result.segments.filter((segment) => isStageDirection(segment.text));
    expect(alone.map((segment) => segment.text)).toEqual(["(Applause.)", "(Applause.)", "(Applause.)", "(Laughter.)"]);
    expect(alone.every((segment) => segment.speaker === null)).toBe(true);
    expect(speechOf(result)).toContain("Now, I've been told that's an expensive promise. (Laughter.) It is.");
  });

  it("reads Aboard …, En route … and a.m./CET clock lines as place and time, never as anyone's words", () => {
    const lines = [
      "Remarks by the President in a press gaggle",
      "Aboard Marine One",
      "En route to Joint Base Andrews",
      "10:32 A.M. CET",
      "MS. JEAN-PIERRE:  All right, good morning.",
      "It is 2:14 P.M. EDT and we are late.",
      "END  2:47 P.M. EDT",
    ].map((text, index): SourceLine => sourceLine({ line: index + 1, raw: text, text, block: index }));
    const dateline = markWrapperLines(lines);
    expect(dateline).toMatchObject({
      place: "Aboard Marine One, En route to Joint Base Andrews",
      startsAt: "10:32 A.M. CET",
      endsAt: "2:47 P.M. EDT",
    });
    expect(lines.map((line) => line.removal?.code ?? null)).toEqual([
      null,
      "dateline",
      "dateline",
      "dateline",
      null,
      null,
      "dateline",
    ]);
  });
});

describe("stage directions in a Ukrainian transcript", () => {
  it("keeps (сміх) and (оплески) as unattributed paragraphs and the date-and-time line out of the speech", async () => {
    const result = await ingestWrapperFixture("ukrainian-briefing.txt");
    expect(result.segments.filter((segment) => segment.speaker === null).map((segment) => segment.text)).toEqual([
      "(оплески)",
      "(оплески)",
      "(сміх)",
      "(оплески)",
    ]);
    expect(result.removed[1]).toMatchObject({ line: 2, reasonCode: "dateline", text: "24 лютого 2024 року - 15:20" });
    expect(speechOf(result)).not.toContain("15:20");
    const afterLaughter = result.segments[result.segments.findIndex((segment) => segment.text === "(сміх)") + 1];
    expect(afterLaughter).toMatchObject({ speaker: "Президент України" });
    expect(afterLaughter?.text).toMatch(/^Але я можу сказати/);
  });
});

describe("timestamps (a podcast in Markdown with escaped brackets)", () => {
  it("reads timestamp lines and a leading timestamp as start times and keeps them out of the words", async () => {
    const result = await ingestWrapperFixture("podcast-escaped-timestamps.md");
    const startOf = (opening: string) => result.segments.find((segment) => segment.text.startsWith(opening))?.startMs;
    expect(startOf("Welcome back to Ledger Lines")).toBe(0);
    expect(startOf("And it was, let's say")).toBe(41_000);
    expect(startOf("Right, but the interesting thing")).toBe(3 * 60_000 + 12_000);
    expect(startOf("Which nobody campaigns on.")).toBe(5 * 60_000 + 58_000);
    expect(startOf("So let's talk about the parks")).toBe(12 * 60_000 + 3_000);
    expect(startOf("Eleven new pocket parks")).toBe(12 * 60_000 + 31_000);
    expect(startOf("And we're back.")).toBe(34 * 60_000 + 52_000);
    expect(startOf("And if you find a mistake")).toBe(35 * 60_000 + 30_000);
    expect(result.segments.find((segment) => segment.text.startsWith("Eleven new"))?.speaker).toBe("Tomás Ruiz");
    expect(speechOf(result)).not.toMatch(/\[\d{2}:\d{2}\]|\\\[|Break:/);
  });

  it("reports each timestamp line, the break marker by its label", async () => {
    const result = await ingestWrapperFixture("podcast-escaped-timestamps.md");
    const timestamps = result.removed.filter((line) => line.reasonCode === "timestamp");
    expect(timestamps.map((line) => line.text)).toEqual([
      "[00:00]",
      "[00:41]",
      "[03:12]",
      "[05:58]",
      "[12:03]",
      "Break: [34:10]",
      "[34:52]",
    ]);
    expect(timestamps[5]?.reason).toBe("“Break” marker at 34:10, read as timing, not speech.");
  });

  it("keeps [laughs] in the words, [Music] as its own paragraph, and a transcriber's [inaudible …] as it is", async () => {
    const result = await ingestWrapperFixture("podcast-escaped-timestamps.md");
    expect(speechOf(result)).toContain("an experience. [laughs] The appendix");
    expect(speechOf(result)).toContain("exactly. [inaudible 00:06:02] the council");
    expect(result.segments.filter((segment) => segment.speaker === null).map((segment) => segment.text)).toEqual([
      "[Music]",
      "[Outro music]",
    ]);
  });

  it("leaves a timestamp before “Name:” where it is, for the hearing-transcript convention to read", () => {
    const lines = ["[01:02:03] Dana Whitfield:", "We will begin.", "(00:12:31)", "Thank you."].map(
      (text, index): SourceLine => sourceLine({ line: index + 1, raw: text, text, block: 0 }),
    );
    markWrapperLines(lines);
    expect(lines.map((line) => [line.text, line.startMs, line.removal?.code ?? null])).toEqual([
      ["[01:02:03] Dana Whitfield:", null, null],
      ["We will begin.", null, null],
      ["(00:12:31)", null, "timestamp"],
      ["Thank you.", 751_000, null],
    ]);
  });
});

describe("front matter above a heading, and in a plain-text file", () => {
  it("takes the title from the front matter and still sets the heading aside as the title line", async () => {
    const text = [
      "---",
      "title: Budget hearing, day two",
      "date: 2024-05-02",
      "location: Oslo",
      "url: https://www.stortinget.no/hearing-2024-05-02",
      "---",
      "",
      "# Budget hearing: day two",
      "",
      "**Chair:** Good morning. We resume with the finance committee.",
      "",
      "Q: 10:30",
      "",
    ].join("\n");
    const result = await ingestFile({ bytes: new TextEncoder().encode(text), filename: "hearing.md" });
    expect(result).toMatchObject({
      title: "Budget hearing, day two",
      occurredAt: "2024-05-02",
      place: "Oslo",
      sourceUrl: "https://www.stortinget.no/hearing-2024-05-02",
    });
    expect(result.removed.map((line) => [line.line, line.reasonCode])).toEqual([
      [1, "front-matter"],
      [2, "front-matter"],
      [3, "front-matter"],
      [4, "front-matter"],
      [5, "front-matter"],
      [6, "front-matter"],
      [8, "title"],
    ]);
    // An answer that is a time is speech, not a timestamp.
    expect(result.segments.map((segment) => [segment.speaker, segment.text])).toEqual([
      ["Chair", "Good morning. We resume with the finance committee."],
      ["Question", "10:30"],
    ]);
  });

  it("reads Russian keys in a .txt file's front matter", async () => {
    const text = "---\nназвание: Пресс-конференция\nдата: 2024-02-22\nместо: Москва\n---\nВЕДУЩИЙ: Добрый день.\n";
    const result = await ingestFile({ bytes: new TextEncoder().encode(text), filename: "press.txt" });
    expect(result).toMatchObject({ title: "Пресс-конференция", occurredAt: "2024-02-22", place: "Москва" });
    expect(speechOf(result)).toBe("Добрый день.");
  });
});

describe("a timestamp inside a run of lines", () => {
  it("starts a paragraph of its own, so its time is kept", async () => {
    const text =
      "HOST: We open with the budget.\n[02:15] The council meets tonight.\nIt will vote at nine.\n(03:40)\nThat is all.\n";
    const result = await ingestFile({ bytes: new TextEncoder().encode(text), filename: "pasted.txt" });
    expect(result.segments.map((segment) => [segment.speaker, segment.startMs, segment.text])).toEqual([
      ["Host", null, "We open with the budget."],
      ["Host", 135_000, "The council meets tonight. It will vote at nine."],
      ["Host", 220_000, "That is all."],
    ]);
  });
});
