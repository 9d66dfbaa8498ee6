import path from "node:path";
import { describe, expect, it } from "vitest";
import type { IngestResult } from "@/lib/ingest";
import { renderJson } from "./json";
import type { ExportTranscript } from "./model";
import { SUBTITLE_FIXTURES, briefing, exportFromIngest, ingestFixture, ingestText } from "./test-fixture";

const FIXTURES = path.join(process.cwd(), "lib", "ingest", "fixtures");

function paragraphsOf(result: IngestResult) {
  return result.segments.map(({ speaker, text, startMs, endMs }) => ({ speaker, text, startMs, endMs }));
}

function paragraphsOfModel(model: ExportTranscript) {
  const names = new Map(model.speakers.map((speaker) => [speaker.id, speaker.name]));
  return model.segments.map(({ speakerId, text, startMs, endMs }) => ({
    speaker: speakerId === null ? null : (names.get(speakerId) ?? null),
    text,
    startMs,
    endMs,
  }));
}

async function roundTrip(model: ExportTranscript): Promise<IngestResult> {
  return ingestText(renderJson(model), `${model.slug}.json`);
}

describe("the JSON export read back through the ingestion pipeline", () => {
  it("gives the same paragraphs, speakers, timings to the millisecond, and title", async () => {
    const again = await roundTrip(briefing());
    expect(paragraphsOf(again)).toEqual(paragraphsOfModel(briefing()));
    expect(again.speakers).toEqual([
      { name: "Moderator", title: null, role: "moderator", outlet: null },
      { name: "Kari Holm", title: "Fisheries Minister", role: "official", outlet: null },
      { name: "Ana Ribeiro", title: null, role: "questioner", outlet: "Público" },
    ]);
    expect(again.title).toBe("Fisheries briefing in Bergen");
    expect(again.source.format).toBe("json");
    expect(again.removed).toEqual([]);
  });

  it("keeps paragraphs apart that the pipeline would otherwise join or split", async () => {
    const model = briefing();
    const long = Array.from({ length: 60 }, (_, index) => `Sentence ${index + 1} of the long answer.`).join(" ");
    const segments = [
      // One speaker, no pause: two paragraphs all the same.
      { id: "a", speakerId: "s-holm", text: "First point.", startMs: 1001, endMs: 2003 },
      { id: "b", speakerId: "s-holm", text: "Second point.", startMs: 2003, endMs: 3007 },
      // Nobody's words right after a named speaker stay nobody's.
      { id: "c", speakerId: null, text: "[Applause]", startMs: 3100, endMs: 3999 },
      // Longer than a paragraph the pipeline would make (360 words), with a missing end.
      { id: "d", speakerId: "s-ribeiro", text: long, startMs: 4000, endMs: null },
      // A missing start, and a long pause before the next.
      { id: "e", speakerId: "s-holm", text: "Yes.", startMs: null, endMs: 90_000 },
      { id: "f", speakerId: "s-moderator", text: "Thank you all, 4.5 %.", startMs: 1_000_001, endMs: 1_000_999 },
    ];
    const again = await roundTrip({ ...model, segments, annotations: [], corrections: [] });
    expect(paragraphsOf(again)).toEqual(paragraphsOfModel({ ...model, segments }));
  });

  it("keeps an untimed transcript's paragraphs and leaves it without times", async () => {
    const model = briefing();
    const long = Array.from({ length: 40 }, () => "Quotas rise next year and the fleet grows.").join(" ");
    const segments = [
      ...model.segments.map((segment) => ({ ...segment, startMs: null, endMs: null })),
      { id: "p5", speakerId: "s-holm", text: long, startMs: null, endMs: null },
    ];
    const again = await roundTrip({ ...model, segments });
    expect(paragraphsOf(again)).toEqual(paragraphsOfModel({ ...model, segments }));
    expect(again.durationMs).toBeNull();
  });

  const FILES = [
    path.join(SUBTITLE_FIXTURES, "zoom-meeting.vtt"),
    path.join(SUBTITLE_FIXTURES, "broadcast-news.srt"),
    path.join(FIXTURES, "interview.srt"),
    path.join(FIXTURES, "briefing.vtt"),
    path.join(FIXTURES, "auto-captions.vtt"),
    path.join(FIXTURES, "nato-press-conference-2019-02-14.txt"),
  ];
  for (const file of FILES) {
    it(`${path.basename(file)} → json reads back to the same paragraphs, speakers and timings`, async () => {
      const original = await ingestFixture(file);
      const again = await roundTrip(exportFromIngest(original));
      expect(paragraphsOf(again)).toEqual(paragraphsOf(original));
      expect(again.speakers.map((speaker) => speaker.name)).toEqual(original.speakers.map((speaker) => speaker.name));
    });
  }

  it("reads the ingest dry run's JSON, whose times are milliseconds too", async () => {
    const dryRun = {
      title: "Port briefing",
      segments: [
        { speaker: "Ingrid Dahl", text: "The port reopened this morning.", startMs: 1500, endMs: 4250 },
        { speaker: "Ingrid Dahl", text: "Full service returns on Monday.", startMs: 4250, endMs: 7000 },
      ],
    };
    const again = await ingestText(JSON.stringify(dryRun), "dry-run.json");
    expect(paragraphsOf(again)).toEqual(dryRun.segments);
  });
});
