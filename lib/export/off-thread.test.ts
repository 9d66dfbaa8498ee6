// A Word file of a long transcript is written in the worker pool, off the thread that answers requests; what comes
// back is the same document the request thread would have written.
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { makePublicTranscript } from "@/lib/publishing/test-fixture";
import { renderExport } from "./index";
import { exportFromPublicTranscript } from "./model";
import { closeExportPool, renderExportOffThread, rendersInWorker, WORKER_EXPORT_PARAGRAPHS } from "./off-thread";

afterAll(() => closeExportPool());

function hearing(paragraphs: number) {
  const base = makePublicTranscript();
  const segments = Array.from({ length: paragraphs }, (_, index) => ({
    id: `s${index + 1}`,
    speakerId: base.speakers[index % base.speakers.length]!.id,
    text: `Statement ${index + 1} to the committee: the barrier at Lindvik — €4.5m, “Zürich” rules.`,
    startMs: null,
    endMs: null,
  }));
  return exportFromPublicTranscript(
    { ...base, segments, annotations: [], corrections: [], partStarts: [0] },
    { url: "https://news.example/t/hearing" },
  );
}

/** The document's XML, with the random ids docx gives hyperlinks made the same. */
async function documentXml(body: string | Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  return (await zip.file("word/document.xml")!.async("string")).replace(/r:id="rId[^"]*"/g, 'r:id="rId"');
}

describe("exports written off the request thread", () => {
  it("sends Word files of long transcripts to a worker, and everything else stays here", () => {
    expect(rendersInWorker("docx", hearing(WORKER_EXPORT_PARAGRAPHS + 1))).toBe(true);
    expect(rendersInWorker("docx", hearing(WORKER_EXPORT_PARAGRAPHS))).toBe(false);
    expect(rendersInWorker("txt", hearing(WORKER_EXPORT_PARAGRAPHS + 1))).toBe(false);
  });

  it("gets back from the worker the document the request thread would write", async () => {
    const model = hearing(WORKER_EXPORT_PARAGRAPHS + 20);
    const [offThread, here] = await Promise.all([renderExportOffThread("docx", model), renderExport("docx", model)]);
    expect(offThread.contentType).toBe(here.contentType);
    expect(offThread.filename).toBe(here.filename);
    expect(offThread.body).toBeInstanceOf(Uint8Array);
    const xml = await documentXml(offThread.body);
    expect(xml).toBe(await documentXml(here.body));
    expect(xml).toContain(`Statement ${WORKER_EXPORT_PARAGRAPHS + 20} to the committee`);
  });
});
