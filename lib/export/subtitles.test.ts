import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { IngestResult } from "@/lib/ingest";
import { renderSrt, renderVtt, wrapLines } from "./subtitles";
import { SUBTITLE_FIXTURES, briefing, exportFromIngest, ingestFixture, ingestText } from "./test-fixture";

const FIXTURES = path.join(process.cwd(), "lib", "ingest", "fixtures");

function comparable(result: IngestResult) {
  return result.segments.map(({ speaker, text, startMs, endMs }) => ({ speaker, text, startMs, endMs }));
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
    for (const format of ["srt", "vtt"] as const) {
      it(`${path.basename(file)} → ${format} reads back to the same paragraphs, speakers and timings`, async () => {
        const original = await ingestFixture(file);
        expect(original.segments.length).toBeGreaterThan(0);
        const model = exportFromIngest(original);
        const exported = format === "srt" ? renderSrt(model) : renderVtt(model);
        const again = await ingestText(exported, `export.${format}`);
        expect(comparable(again)).toEqual(comparable(original));
        expect(again.speakers.map((speaker) => speaker.name)).toEqual(original.speakers.map((speaker) => speaker.name));
        // Nothing in the export is taken for anything but speech.
        expect(again.removed).toEqual([]);
      });
    }
  }

  it("carries renamed speakers and corrected words, and a WebVTT title, through a round trip", async () => {
    const model = briefing();
    for (const format of ["srt", "vtt"] as const) {
      const exported = format === "srt" ? renderSrt(model) : renderVtt(model);
      const again = await ingestText(exported, `export.${format}`);
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

describe("SubRip", () => {
  it("numbers cues, writes comma timings and names the speaker on every cue", () => {
    const srt = renderSrt(briefing());
    expect(srt).toContain("1\n00:00:02,000 --> 00:00:05,500\nModerator: Good afternoon");
    expect(srt).toContain("2\n00:00:06,000 --> 00:00:12,250\nKari Holm: The fisheries agreement");
    expect(srt).toContain("3\n00:00:13,000 --> 00:00:15,000\nAna Ribeiro: Will the coastal fleet");
    expect(srt).not.toContain("Tuesday");
  });

  it("fills a missing end with the next start, and a missing start with the previous end", () => {
    const model = briefing();
    const missingEnd = model.segments.map((segment, index) => (index === 1 ? { ...segment, endMs: null } : segment));
    expect(renderSrt({ ...model, segments: missingEnd })).toContain("2\n00:00:06,000 --> 00:00:13,000\n");
    const missingStart = model.segments.map((segment, index) =>
      index === 2 ? { ...segment, startMs: null } : segment,
    );
    expect(renderSrt({ ...model, segments: missingStart })).toContain("3\n00:00:12,250 --> 00:00:15,000\n");
  });

  it("escapes characters that subtitle readers take for markup", async () => {
    const model = briefing();
    const segments = model.segments.map((segment, index) =>
      index === 0 ? { ...segment, text: "Q&A: the <b> tag & 3 > 2 --> arrows." } : segment,
    );
    for (const format of ["srt", "vtt"] as const) {
      const exported = format === "srt" ? renderSrt({ ...model, segments }) : renderVtt({ ...model, segments });
      expect(exported).toContain("&lt;b&gt;");
      const again = await ingestText(exported, `export.${format}`);
      expect(again.segments[0]?.text).toBe("Q&A: the <b> tag & 3 > 2 --> arrows.");
    }
  });
});

describe("WebVTT", () => {
  it("has a header with the title, paragraph-numbered cues, dotted timings and speaker labels", () => {
    const vtt = renderVtt(briefing());
    expect(vtt.startsWith("WEBVTT - Fisheries briefing in Bergen\n\n")).toBe(true);
    expect(vtt).toContain("p-2\n00:00:06.000 --> 00:00:12.250\nKari Holm: The fisheries agreement");
    expect(vtt).toContain(
      "p-3\n00:00:13.000 --> 00:00:15.000\nAna Ribeiro: Will the coastal fleet get more of the quota?\n",
    );
  });

  it("wraps long paragraphs over lines of one cue, never starting a line with a dash or with no word", () => {
    const lines = wrapLines(`${"word ".repeat(40)}- dash … ${"more ".repeat(20)}`, 30);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(36);
      expect(line).toMatch(/[a-z]/);
      expect(line).not.toMatch(/^-/);
    }
    expect(lines.join(" ")).toBe(`${"word ".repeat(40)}- dash … ${"more ".repeat(20)}`.trim());
  });

  it("keeps a no-break space inside a word group", () => {
    expect(wrapLines("a\u00A0b c", 1)).toEqual(["a\u00A0b", "c"]);
  });
});

it("the NATO fixture is untimed, so it has no paragraph times to export", async () => {
  const result = await ingestText(
    fs.readFileSync(path.join(FIXTURES, "nato-press-conference-2019-02-14.txt"), "utf8"),
    "nato.txt",
  );
  expect(result.segments.every((segment) => segment.startMs === null)).toBe(true);
});
