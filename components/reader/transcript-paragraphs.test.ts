import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { makePublicTranscript } from "@/lib/publishing/test-fixture";
import { buildReadingModel, readerNote, readerParagraph, type NumberedAnnotation } from "./reading-model";
import { TranscriptParagraphs } from "./transcript-paragraphs";

describe("the reading page's client list", () => {
  it("sends a note only the fields it uses: none empty, no body, no paragraph number", () => {
    const base = makePublicTranscript().annotations[0]!;
    const numbered: NumberedAnnotation = { ...base, number: 3, paragraphNumber: 2, isMarked: true };
    const context = readerNote({
      ...numbered,
      kind: "CONTEXT",
      claim: null,
      verdict: null,
      sources: [],
      checker: null,
      anchored: true,
    });
    expect(context).toEqual({
      id: base.id,
      kind: "CONTEXT",
      number: 3,
      isMarked: true,
      start: base.start,
      end: base.end,
    });
    const moved = readerNote({
      ...numbered,
      kind: "FACTCHECK",
      claim: "Quotas rise.",
      verdict: "FALSE",
      sources: [{ url: "https://example.org/q" }],
      checker: "Frida",
      anchored: false,
      publishedExact: "the old words",
    });
    expect(moved).toMatchObject({
      claim: "Quotas rise.",
      verdict: "FALSE",
      sources: [{ url: "https://example.org/q" }],
      checker: "Frida",
      formerWords: "the old words",
    });
  });

  it("renders every paragraph with its speaker's name, its link to copy and its notes with their bodies", () => {
    const transcript = makePublicTranscript();
    const model = buildReadingModel(transcript);
    const html = renderToStaticMarkup(
      createElement(TranscriptParagraphs, {
        paragraphs: model.paragraphs.map(readerParagraph),
        speakerNames: Object.fromEntries(transcript.speakers.map((speaker) => [speaker.id, speaker.name])),
        permalinkBase: "/t/nato#p-",
        hasMedia: false,
        bodies: Object.fromEntries(
          model.annotations.map((annotation) => [annotation.id, createElement("p", null, `Body of ${annotation.id}`)]),
        ),
        corrections: { 1: createElement("p", { className: "reader-correction" }, "Corrected.") },
      }),
    );
    for (const paragraph of model.paragraphs) {
      expect(html).toContain(`id="p-${paragraph.number}"`);
      expect(html).toContain(`data-copy="/t/nato#p-${paragraph.number}"`);
      if (paragraph.speaker) expect(html).toContain(`<span class="reader-speaker">${paragraph.speaker.name}</span>`);
    }
    for (const annotation of model.annotations) {
      expect(html).toContain(`id="note-${annotation.id}"`);
      expect(html).toContain(`Body of ${annotation.id}`);
    }
    // The corrections of paragraph 1 sit in paragraph 1.
    expect(html.indexOf("Corrected.")).toBeGreaterThan(html.indexOf('id="p-1"'));
    expect(html.indexOf("Corrected.")).toBeLessThan(html.indexOf('id="p-2"'));
  });
});
