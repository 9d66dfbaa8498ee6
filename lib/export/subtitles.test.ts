import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { IngestResult } from "@/lib/ingest";
import type { ExportTranscript } from "./model";
import { renderSrt, renderVtt } from "./subtitles";
import { SUBTITLE_FIXTURES, briefing, exportFromIngest, ingestFixture, ingestText } from "./test-fixture";

const FIXTURES = path.join(process.cwd(), "lib", "ingest", "fixtures");
const FORMATS = ["srt", "vtt"] as const;
type Format = (typeof FORMATS)[number];

function render(format: Format, model: ExportTranscript): string {
  return format === "srt" ? renderSrt(model) : renderVtt(model);
}

// The oracle: reads the rendered file back on its own, knowing nothing of how the exporter chose its cues.

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });
/** Lines are measured in user-perceived characters (grapheme clusters). */
function width(text: string): number {
  return [...graphemes.segment(text)].length;
}

interface RenderedCue {
  startMs: number;
  endMs: number;
  /** The SubRip label or the WebVTT voice; null when the cue names nobody. */
  speaker: string | null;
  /** As shown to viewers: entities decoded, the voice tag left out, the SubRip label kept. */
  lines: string[];
  /** The cue's words without the speaker's label. */
  words: string;
}

function milliseconds(timestamp: string): number {
  const [hours, minutes, seconds, fraction] = timestamp.split(/[:,.]/).map(Number);
  return (((hours ?? 0) * 60 + (minutes ?? 0)) * 60 + (seconds ?? 0)) * 1000 + (fraction ?? 0);
}

function decode(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function readCues(file: string, format: Format, speakers: readonly string[]): RenderedCue[] {
  const blocks = file.trimEnd().split("\n\n");
  if (format === "vtt") expect(blocks.shift()).toMatch(/^WEBVTT/);
  return blocks.map((block) => {
    const [, timing = "", ...raw] = block.split("\n");
    const match = /^(\S+) --> (\S+)$/.exec(timing);
    expect(match, block).not.toBeNull();
    let speaker: string | null = null;
    let lines = raw.map(decode);
    let words = lines.join(" ");
    if (format === "vtt") {
      const voice = /^<v ([^>]*)>/.exec(raw[0] ?? "");
      speaker = voice ? decode(voice[1] ?? "") : null;
      lines = raw.map((line) => decode(line.replace(/^<v [^>]*>/, "")));
      words = lines.join(" ");
    } else {
      speaker = speakers.find((name) => words.startsWith(`${name}:`)) ?? null;
      if (speaker !== null) words = words.slice(speaker.length + 1);
    }
    return { startMs: milliseconds(match?.[1] ?? ""), endMs: milliseconds(match?.[2] ?? ""), speaker, lines, words };
  });
}

function speakerNames(model: ExportTranscript): (string | null)[] {
  const names = new Map(model.speakers.map((speaker) => [speaker.id, speaker.name]));
  return model.segments.map((segment) => (segment.speakerId === null ? null : (names.get(segment.speakerId) ?? null)));
}

const withoutSpace = (text: string) => text.replace(/\s+/g, "");

/** Every rule the issue sets for subtitles sized for video, checked on the file as written. */
function expectSizedForVideo(model: ExportTranscript, format: Format): RenderedCue[] {
  const names = speakerNames(model);
  const cues = readCues(
    render(format, model),
    format,
    names.filter((name) => name !== null),
  );
  let previousEnd = 0;
  for (const cue of cues) {
    expect(cue.lines.length, cue.lines.join("\n")).toBeGreaterThanOrEqual(1);
    expect(cue.lines.length, cue.lines.join("\n")).toBeLessThanOrEqual(2);
    for (const line of cue.lines) {
      if (width(line) <= 42) continue;
      // Only a word longer than a line may make one longer, and then it has the line to itself (bar punctuation).
      const tokens = line.split(" ");
      const long = tokens.filter((token) => width(token) > 42);
      expect(long, line).toHaveLength(1);
      expect(
        tokens.filter((token) => token !== long[0] && /[\p{L}\p{N}]/u.test(token)),
        line,
      ).toEqual([]);
    }
    expect(cue.endMs - cue.startMs).toBeGreaterThan(0);
    expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(7000);
    expect(cue.startMs).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = cue.endMs;
  }
  // Every word, in order, nothing added; and no cue runs across a paragraph boundary (a change of speaker).
  expect(withoutSpace(cues.map((cue) => cue.words).join(""))).toBe(
    withoutSpace(model.segments.map((segment) => segment.text).join("")),
  );
  const paragraphEnds: number[] = [];
  let offset = 0;
  for (const segment of model.segments) paragraphEnds.push((offset += withoutSpace(segment.text).length));
  let cueOffset = 0;
  let paragraph = 0;
  for (const cue of cues) {
    const length = withoutSpace(cue.words).length;
    expect(cue.speaker).toBe(names[paragraph]);
    cueOffset += length;
    const paragraphEnd = paragraphEnds[paragraph] ?? Infinity;
    expect(cueOffset, `cue "${cue.words}" runs past its paragraph`).toBeLessThanOrEqual(paragraphEnd);
    if (cueOffset === paragraphEnd) paragraph++;
  }
  return cues;
}

function withSegments(segments: ExportTranscript["segments"]): ExportTranscript {
  return briefing({ segments, annotations: [], corrections: [] });
}

const LONG_ANSWER =
  "The coastal fleet gets the largest share it has ever had, and that is a promise. We negotiated for eleven " +
  "months; the Russian side wanted a lower total, the scientists a much lower one. In the end, the quota for cod " +
  "falls by 4.5 percent, to 2,000 tonnes less than this year, while haddock and saithe rise.";

describe("cues sized for video", () => {
  it("splits a 21-second paragraph into cues of at most two lines of 42 characters and 7 seconds", () => {
    const model = withSegments([{ id: "p1", speakerId: "s-holm", text: LONG_ANSWER, startMs: 0, endMs: 21_000 }]);
    for (const format of FORMATS) {
      const cues = expectSizedForVideo(model, format);
      expect(cues.length).toBeGreaterThanOrEqual(5);
      expect(cues[0]?.startMs).toBe(0);
      expect(cues.at(-1)?.endMs).toBe(21_000);
    }
  });

  it("ends cues at sentences first, then clauses, and keeps 4.5 and 2,000 whole", () => {
    const model = withSegments([{ id: "p1", speakerId: null, text: LONG_ANSWER, startMs: 0, endMs: 21_000 }]);
    const cues = readCues(renderSrt(model), "srt", []);
    expect(cues.map((cue) => cue.lines)).toEqual([
      ["The coastal fleet gets the largest share", "it has ever had, and that is a promise."],
      ["We negotiated for eleven months;", "the Russian side wanted a lower total,"],
      ["the scientists a much lower one."],
      ["In the end, the quota for", "cod falls by 4.5 percent,"],
      ["to 2,000 tonnes less than this year,", "while haddock and saithe rise."],
    ]);
    expect(cues.map((cue) => cue.words).join(" ")).toBe(LONG_ANSWER);
    expect(cues.some((cue) => cue.words.includes("4.5 percent"))).toBe(true);
    expect(cues.some((cue) => cue.words.includes("to 2,000 tonnes"))).toBe(true);
    for (const cue of cues) expect(cue.words).toMatch(/[,;.]$/);
  });

  it("shares a paragraph's time by characters", () => {
    const first = "Good afternoon and welcome to the fisheries briefing."; // 53 characters
    const second = "Quotas rise by two percent next year, as agreed in Bergen."; // 58 characters
    const model = withSegments([
      { id: "p1", speakerId: null, text: `${first} ${second}`, startMs: 10_000, endMs: 21_100 },
    ]);
    const cues = readCues(renderVtt(model), "vtt", []);
    expect(cues.map((cue) => [cue.words, cue.startMs, cue.endMs])).toEqual([
      [first, 10_000, 15_300],
      [second, 15_300, 21_100],
    ]);
  });

  it("splits a cue that fits on two lines but would stay up more than 7 seconds", () => {
    const model = withSegments([
      { id: "p1", speakerId: null, text: "We will not, under any circumstances, agree.", startMs: 0, endMs: 12_000 },
    ]);
    const cues = expectSizedForVideo(model, "srt");
    // 44 characters over 12 s: 12, 24 and 6 characters of them.
    expect(cues.map((cue) => [cue.words, cue.startMs, cue.endMs])).toEqual([
      ["We will not,", 0, 3429],
      ["under any circumstances,", 3429, 10_286],
      ["agree.", 10_286, 12_000],
    ]);
  });

  it("ends a paragraph without an end where the next starts, and the last one at a reading speed", () => {
    const model = withSegments([
      { id: "p1", speakerId: "s-moderator", text: "Good afternoon.", startMs: 2000, endMs: null },
      { id: "p2", speakerId: "s-holm", text: "Thank you. Quotas rise.", startMs: 4500, endMs: null },
    ]);
    const cues = readCues(renderSrt(model), "srt", ["Moderator", "Kari Holm"]);
    // 23 characters at 15 a second: 1,534 ms.
    expect(cues.map((cue) => [cue.startMs, cue.endMs])).toEqual([
      [2000, 4500],
      [4500, 6034],
    ]);
  });

  it("starts a new cue at every change of speaker, even when both would fit one", () => {
    const model = withSegments([
      { id: "p1", speakerId: "s-ribeiro", text: "Cod?", startMs: 0, endMs: 1000 },
      { id: "p2", speakerId: "s-holm", text: "Cod.", startMs: 1000, endMs: 2000 },
      { id: "p3", speakerId: null, text: "Laughter.", startMs: 2000, endMs: 3000 },
    ]);
    expect(renderSrt(model)).toBe(
      "1\n00:00:00,000 --> 00:00:01,000\nAna Ribeiro: Cod?\n\n" +
        "2\n00:00:01,000 --> 00:00:02,000\nKari Holm: Cod.\n\n" +
        "3\n00:00:02,000 --> 00:00:03,000\nLaughter.\n",
    );
  });

  it("gives a word longer than a line a line of its own, and loses none of it", () => {
    const word = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft";
    const model = withSegments([
      { id: "p1", speakerId: "s-holm", text: `The word ${word} is long.`, startMs: 0, endMs: 6000 },
    ]);
    for (const format of FORMATS) {
      const cues = expectSizedForVideo(model, format);
      expect(cues.flatMap((cue) => cue.lines)).toContain(word);
    }
  });

  it("counts characters as people see them: a family emoji or a decomposed é is one", () => {
    const line = "Η συμφωνία υπογράφηκε στο Μπέργκεν 👨‍👩‍👧 καle\u0301!";
    expect(width(line)).toBe(42);
    expect([...line].length).toBe(47);
    const model = withSegments([{ id: "p1", speakerId: null, text: line, startMs: 0, endMs: 4000 }]);
    expect(readCues(renderVtt(model), "vtt", [])[0]?.lines).toEqual([line]);
    const longer = withSegments([{ id: "p1", speakerId: null, text: `${line}a`, startMs: 0, endMs: 4000 }]);
    expect(readCues(renderVtt(longer), "vtt", [])[0]?.lines).toHaveLength(2);
  });
});

describe("SubRip", () => {
  it("numbers cues, writes comma timings and names the speaker on every cue", () => {
    const srt = renderSrt(briefing());
    expect(srt).toContain(
      "1\n00:00:02,000 --> 00:00:05,500\nModerator: Good afternoon and\nwelcome to the fisheries briefing.\n",
    );
    expect(srt).toContain(
      "2\n00:00:06,000 --> 00:00:09,736\nKari Holm: The fisheries agreement\nwas signed in Bergen on Monday.\n",
    );
    expect(srt).toContain("3\n00:00:09,736 --> 00:00:12,250\nKari Holm: Quotas rise\nby two percent next year.\n");
    expect(srt).not.toContain("Tuesday");
  });

  it("fills a missing end with the next start, and a missing start with the previous end", () => {
    const model = briefing();
    const missingEnd = model.segments.map((segment, index) => (index === 2 ? { ...segment, endMs: null } : segment));
    expect(renderSrt({ ...model, segments: missingEnd })).toContain("4\n00:00:13,000 --> 00:00:15,500\n");
    const missingStart = model.segments.map((segment, index) =>
      index === 2 ? { ...segment, startMs: null } : segment,
    );
    expect(renderSrt({ ...model, segments: missingStart })).toContain("4\n00:00:12,250 --> 00:00:15,000\n");
  });

  it("escapes characters that subtitle readers take for markup", async () => {
    const model = briefing();
    const segments = model.segments.map((segment, index) =>
      index === 0 ? { ...segment, text: "Q&A: the <b> tag & 3 > 2 --> arrows." } : segment,
    );
    for (const format of FORMATS) {
      const exported = render(format, { ...model, segments });
      expect(exported).toContain("&lt;b&gt;");
      const again = await ingestText(exported, `export.${format}`);
      expect(again.segments[0]?.text).toBe("Q&A: the <b> tag & 3 > 2 --> arrows.");
    }
  });
});

describe("WebVTT", () => {
  it("has a header with the title, numbered cues per paragraph, dotted timings and a voice on every cue", () => {
    const vtt = renderVtt(briefing());
    expect(vtt.startsWith("WEBVTT - Fisheries briefing in Bergen\n\n")).toBe(true);
    expect(vtt).toContain(
      "p-2-1\n00:00:06.000 --> 00:00:09.736\n<v Kari Holm>The fisheries agreement was\nsigned in Bergen on Monday.\n",
    );
    expect(vtt).toContain("p-2-2\n00:00:09.736 --> 00:00:12.250\n<v Kari Holm>Quotas rise by two percent next year.\n");
    expect(vtt).toContain("p-3-1\n00:00:13.000 --> 00:00:15.000\n<v Ana Ribeiro>Will the coastal fleet\n");
    expect(vtt).not.toContain("Kari Holm:");
  });

  it("writes a name with an ampersand into the voice so that it reads back", async () => {
    const model = briefing({ annotations: [], corrections: [] });
    model.speakers = model.speakers.map((speaker) =>
      speaker.id === "s-holm" ? { ...speaker, name: "Holm & Co <Bergen>" } : speaker,
    );
    const vtt = renderVtt(model);
    expect(vtt).toContain("<v Holm & Co Bergen>The fisheries agreement was\n");
    const again = await ingestText(vtt, "export.vtt");
    expect(again.segments.map((segment) => segment.speaker)).toEqual([
      "Moderator",
      "Holm & Co Bergen",
      "Ana Ribeiro",
      "Holm & Co Bergen",
    ]);
  });

  it("never starts a line with a dash, leaves none without a word, and keeps a no-break space", () => {
    const text = `Quotas rise — by two percent — next year 🎉 🎉. The\u00A0fleet\u00A0gains ${"more ".repeat(12)}…`;
    const model = withSegments([{ id: "p1", speakerId: null, text, startMs: 0, endMs: 9000 }]);
    const cues = expectSizedForVideo(model, "vtt");
    for (const line of cues.flatMap((cue) => cue.lines)) {
      expect(line).not.toMatch(/^[-–—]/);
      expect(line).toMatch(/[\p{L}\p{N}]/u);
    }
    expect(cues.some((cue) => cue.words.includes("The\u00A0fleet\u00A0gains"))).toBe(true);
  });
});

/** Mulberry32: a small seeded generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe("property: any transcript gives cues sized for video", () => {
  const WORDS = [
    ...["the", "the", "fleet", "quota", "rises", "minister", "said", "and", "no", "yes", "Bergen"],
    ...["4.5", "2,000", "1.000.000", "3:30", "U.S.", "Q&A", "3<4", "—", "–", "-", "…", "(cod)", "«quota»"],
    ...["соглашение", "подписали", "Бергене", "συμφωνία", "υπογράφηκε", "Δευτέρα", "🎉", "👨‍👩‍👧", "🇳🇴", "naïve"],
    ...[
      "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft",
      "https://example.org/a/very/long/address/that/never/ends/here",
    ],
  ];
  const CJK = "我们今天在北京开会明天去上海渔业协议已经签署配额将会增加百分之二東京で会議を開きました";
  const ENDINGS = ["", "", "", ",", ",", ";", ":", ".", ".", "?", "!", "。", "，"];
  const SPEAKERS = ["s-moderator", "s-holm", "s-ribeiro", null];

  function paragraphText(next: () => number): string {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const count = 1 + Math.floor(next() * (next() < 0.2 ? 120 : 30));
    const words: string[] = [];
    for (let index = 0; index < count; index++) {
      if (next() < 0.08) {
        const start = Math.floor(next() * CJK.length);
        words.push(CJK.slice(start, start + 1 + Math.floor(next() * 60)) + pick(["", "。", "，"]));
      } else {
        words.push(pick(WORDS) + pick(ENDINGS));
      }
    }
    return words.join(" ");
  }

  function transcript(seed: number): ExportTranscript {
    const next = random(seed);
    let clock = Math.floor(next() * 5000);
    const segments = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, index) => {
      const text = paragraphText(next);
      const duration = 200 + Math.floor(next() * 40_000);
      const startMs = next() < 0.1 ? null : clock;
      const endMs = next() < 0.15 ? null : clock + duration;
      clock += duration + Math.floor(next() * 3000);
      return {
        id: `p${index + 1}`,
        speakerId: SPEAKERS[Math.floor(next() * SPEAKERS.length)] ?? null,
        text,
        startMs,
        endMs,
      };
    });
    return withSegments(segments);
  }

  for (const format of FORMATS) {
    it(`${format}: ≤ 2 lines of ≤ 42 characters, 0 < cue ≤ 7 s, in order, every word, a cue per speaker`, () => {
      for (let seed = 1; seed <= 300; seed++) {
        const model = transcript(seed);
        try {
          expectSizedForVideo(model, format);
        } catch (error) {
          throw new Error(`seed ${seed}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    });
  }
});

function comparable(result: IngestResult) {
  return result.segments.map(({ speaker, text, startMs, endMs }) => ({ speaker, text, startMs, endMs }));
}

/**
 * WebVTT voices cannot say "nobody": unattributed words after a named speaker's cue read back as that speaker's (a
 * SubRip label lapses after a 5-second pause; a voice does not).
 */
function vttSpeakers(result: IngestResult): (string | null)[] {
  let previous: string | null = null;
  return result.segments.map((segment) => (previous = segment.speaker ?? previous));
}

const TIMED_FIXTURES = [
  path.join(SUBTITLE_FIXTURES, "zoom-meeting.vtt"),
  path.join(SUBTITLE_FIXTURES, "teams-meeting.vtt"),
  path.join(SUBTITLE_FIXTURES, "broadcast-news.srt"),
  path.join(SUBTITLE_FIXTURES, "documentary.srt"),
  path.join(FIXTURES, "interview.srt"),
  path.join(FIXTURES, "briefing.vtt"),
  path.join(FIXTURES, "auto-captions.vtt"),
];

describe("subtitle round trip through the ingestion pipeline", () => {
  for (const file of TIMED_FIXTURES) {
    for (const format of FORMATS) {
      it(`${path.basename(file)} → ${format} reads back to the same paragraphs and timings`, async () => {
        const original = await ingestFixture(file);
        expect(original.segments.length).toBeGreaterThan(0);
        const model = exportFromIngest(original);
        expectSizedForVideo(model, format);
        const again = await ingestText(render(format, model), `export.${format}`);
        const withoutSpeakers = (result: IngestResult) =>
          comparable(result).map(({ text, startMs, endMs }) => ({ text, startMs, endMs }));
        expect(withoutSpeakers(again)).toEqual(withoutSpeakers(original));
        if (format === "srt") expect(comparable(again)).toEqual(comparable(original));
        else expect(again.segments.map((segment) => segment.speaker)).toEqual(vttSpeakers(original));
        // Nothing in the export is taken for anything but speech.
        expect(again.removed).toEqual([]);
      });
    }
  }

  it("reads back paragraphs of up to 100 words, each after a change of speaker or a pause, to the millisecond", async () => {
    const vocabulary = [
      "the",
      "fleet",
      "quota",
      "4.5",
      "2,000",
      "соглашение",
      "συμφωνία",
      "naïve",
      "🎉",
      "cod,",
      "rises.",
      "no?",
    ];
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed);
      let clock = 1000;
      let previousSpeaker: string | null = null;
      const segments = Array.from({ length: 6 }, (_, index) => {
        const count = 3 + Math.floor(next() * 97);
        const words = Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
        const speakerId = next() < 0.5 ? "s-holm" : "s-ribeiro";
        // One speaker's paragraphs come back apart only after a pause (lib/ingest joins them otherwise).
        if (speakerId === previousSpeaker) clock += 2500;
        previousSpeaker = speakerId;
        const startMs = clock;
        clock += count * 350;
        return { id: `p${index + 1}`, speakerId, text: `Then ${words.join(" ")} end.`, startMs, endMs: clock };
      });
      const model = withSegments(segments);
      const names = speakerNames(model);
      const expected = segments.map(({ text, startMs, endMs }, index) => ({
        speaker: names[index],
        text,
        startMs,
        endMs,
      }));
      for (const format of FORMATS) {
        const again = await ingestText(render(format, model), `export.${format}`);
        expect(comparable(again), `seed ${seed}, ${format}`).toEqual(expected);
      }
    }
  });

  it("carries renamed speakers and corrected words, and a WebVTT title, through a round trip", async () => {
    const model = briefing();
    for (const format of FORMATS) {
      const again = await ingestText(render(format, model), `export.${format}`);
      expect(again.segments.map((segment) => segment.speaker)).toEqual([
        "Moderator",
        "Kari Holm",
        "Ana Ribeiro",
        "Kari Holm",
      ]);
      expect(again.segments[1]?.text).toContain("on Monday");
      expect(again.segments.map((segment) => [segment.startMs, segment.endMs])).toEqual([
        [2000, 5500],
        [6000, 12_250],
        [13_000, 15_000],
        [15_500, 21_000],
      ]);
      if (format === "vtt") expect(again.title).toBe("Fisheries briefing in Bergen");
    }
  });
});

it("the NATO fixture is untimed, so it has no paragraph times to export", async () => {
  const result = await ingestText(
    fs.readFileSync(path.join(FIXTURES, "nato-press-conference-2019-02-14.txt"), "utf8"),
    "nato.txt",
  );
  expect(result.segments.every((segment) => segment.startMs === null)).toBe(true);
});
