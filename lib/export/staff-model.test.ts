// Both ways a transcript reaches an export, against a real database: the public one from the published snapshot
// (what readers see, never the working copy), the staff one from the working copy (current names, live
// paragraphs, internal notes on request).
import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/editor/annotations";
import { deleteSegment } from "@/lib/editor/segments";
import { updateSpeaker } from "@/lib/editor/speakers";
import { expectAppError, rangeOf, versionOf } from "@/lib/editor/test-support";
import { recordCorrection } from "@/lib/publishing/corrections";
import { loadPublicTranscript } from "@/lib/publishing/public-queries";
import { hoursIn, newsroom, publishAt, readyTranscript } from "@/lib/publishing/test-support";
import { renderExport } from "./index";
import { buildJsonExport } from "./json";
import { transcriptExportSchema } from "./json-schema";
import { exportFromPublicTranscript } from "./model";
import { loadStaffExport } from "./staff-model";

const OPENING = "Good afternoon. Defence ministers agreed to spend 2 percent of GDP on defence.";
const CORRECTED = "Good afternoon. Defence ministers agreed to spend 2 per cent of GDP on defence.";

async function publishedWithWorkingChanges() {
  const people = await newsroom();
  const { reporter, editor } = people;
  const transcript = await readyTranscript(reporter, editor, [
    { text: OPENING, speaker: "Jens Stoltenberg", startMs: 1000, endMs: 6000 },
    { text: "What does that mean for Germany?", speaker: "Questioner Ana", startMs: 9000, endMs: 11_000 },
    {
      text: "Germany has committed to the pledge we all made in Wales.",
      speaker: "Jens Stoltenberg",
      startMs: 12_000,
      endMs: 16_000,
    },
    { text: "(Applause.)", startMs: 23_000, endMs: 24_000 },
  ]);
  const [opening, question, answer, applause] = transcript.segmentIds as [string, string, string, string];
  await createAnnotation(reporter, transcript.id, {
    segmentId: answer,
    ...rangeOf("Germany has committed to the pledge we all made in Wales.", "the pledge"),
    kind: "context",
    body: "The Wales summit of **2014**.",
  });
  await publishAt(editor, transcript.id, hoursIn(0));
  await recordCorrection(
    editor,
    transcript.id,
    { segmentId: opening, text: CORRECTED, reason: "House style." },
    hoursIn(1),
  );
  // After publication, on the desk only: a renamed speaker, an internal note and a deleted paragraph.
  await updateSpeaker(reporter, transcript.id, transcript.speakerIds[1]!, { name: "Ana Ribeiro" });
  await createAnnotation(reporter, transcript.id, {
    segmentId: question,
    ...rangeOf("What does that mean for Germany?", "Germany"),
    kind: "note",
    body: "Ask Ana for her outlet.",
  });
  await deleteSegment(reporter, transcript.id, applause, await versionOf(applause));
  return { ...people, transcript, opening };
}

describe("the public export model", () => {
  it("reads the published snapshot: corrected words, published names, public annotations only", async () => {
    const { transcript } = await publishedWithWorkingChanges();
    const published = await loadPublicTranscript(transcript.slug);
    expect(published).not.toBeNull();
    const document = transcriptExportSchema.parse(
      buildJsonExport(exportFromPublicTranscript(published!, { url: `https://news.example${published!.path}` })),
    );
    expect(document.segments.map((segment) => [segment.speaker, segment.text])).toEqual([
      ["Jens Stoltenberg", CORRECTED],
      // The rename is not published yet; the reader's export says what the reader's page says.
      ["Questioner Ana", "What does that mean for Germany?"],
      ["Jens Stoltenberg", "Germany has committed to the pledge we all made in Wales."],
      [null, "(Applause.)"],
    ]);
    expect(document.annotations).toEqual([
      expect.objectContaining({ kind: "context", internal: false, segment: 3, exact: "the pledge" }),
    ]);
    expect(document.corrections).toEqual([
      { segment: 1, before: OPENING, after: CORRECTED, reason: "House style.", at: hoursIn(1).toISOString() },
    ]);
    expect(document.url).toBe(`https://news.example/t/${transcript.slug}`);
    const text = (await renderExport("txt", exportFromPublicTranscript(published!, { url: "https://x.test" }))).body;
    expect(text).not.toContain("Ask Ana");
  });
});

describe("the staff export model", () => {
  it("reads the working copy: current names, live paragraphs in order, corrections, no notes unless asked", async () => {
    const { editor, transcript } = await publishedWithWorkingChanges();
    const model = await loadStaffExport(editor, transcript.id, { includeNotes: false });
    const document = transcriptExportSchema.parse(buildJsonExport(model));
    expect(document.segments.map((segment) => [segment.number, segment.speaker, segment.text])).toEqual([
      [1, "Jens Stoltenberg", CORRECTED],
      [2, "Ana Ribeiro", "What does that mean for Germany?"],
      [3, "Jens Stoltenberg", "Germany has committed to the pledge we all made in Wales."],
    ]);
    expect(document.speakers.map((speaker) => speaker.name)).toEqual(["Jens Stoltenberg", "Ana Ribeiro"]);
    expect(document.annotations.map((annotation) => annotation.kind)).toEqual(["context"]);
    expect(document.corrections).toEqual([expect.objectContaining({ segment: 1, after: CORRECTED })]);
    expect(document.timed).toBe(true);
    const srt = (await renderExport("srt", model)).body as string;
    // Cues sized for video: at most two lines of 42 characters (lib/export/subtitles.ts).
    expect(srt).toContain("00:00:09,000 --> 00:00:11,000\nAna Ribeiro: What does\nthat mean for Germany?");
  });

  it("adds internal notes on request, marked internal, with their author", async () => {
    const { editor, reporter, transcript } = await publishedWithWorkingChanges();
    const model = await loadStaffExport(editor, transcript.id, { includeNotes: true });
    const document = transcriptExportSchema.parse(buildJsonExport(model));
    expect(document.annotations).toEqual([
      expect.objectContaining({
        kind: "note",
        internal: true,
        segment: 2,
        exact: "Germany",
        body: "Ask Ana for her outlet.",
        author: reporter.name,
      }),
      expect.objectContaining({ kind: "context", internal: false, segment: 3, author: reporter.name }),
    ]);
    for (const format of ["txt", "md"] as const) {
      const body = (await renderExport(format, model)).body as string;
      expect(body, format).toContain("[Internal note]");
      expect(body, format).toContain("Ask Ana for her outlet.");
    }
    const csv = (await renderExport("csv", model)).body as string;
    expect(csv).toContain("Internal note,yes,anchored,2,Ana Ribeiro,Germany,Ask Ana for her outlet.");
  });

  it("is refused to someone the transcript is not shared with, as a missing one is", async () => {
    const { stranger, transcript } = await publishedWithWorkingChanges();
    await expectAppError(loadStaffExport(stranger, transcript.id, { includeNotes: true }), "NOT_FOUND");
  });
});
