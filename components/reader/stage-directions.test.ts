import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnnotatedText } from "./annotated-text";
import type { NumberedAnnotation } from "./reading-model";
import { makePublicTranscript } from "@/lib/publishing/test-fixture";
import { TranscriptReader } from "./transcript-reader";

const STAGE_DIRECTION = /<span role="note" aria-roledescription="stage direction" class="reader-stage-direction[^"]*">/;

function quote(start: number, end: number, text: string): NumberedAnnotation {
  return {
    id: "an_q",
    kind: "QUOTE",
    segmentId: "seg_1",
    start,
    end,
    exact: text.slice(start, end),
    publishedExact: text.slice(start, end),
    anchored: true,
    body: "",
    verdict: null,
    claim: null,
    sources: [],
    checker: null,
    number: 1,
    paragraphNumber: 1,
    isMarked: true,
  };
}

describe("stage directions in the reader", () => {
  it("sets an inline stage direction apart from the speaker's words, for the eye and for screen readers", () => {
    const text = "Now, I've been told that's an expensive promise. (Laughter.) It is.";
    const html = renderToStaticMarkup(createElement(AnnotatedText, { text, annotations: [] }));
    expect(html).toMatch(new RegExp(`promise\\. ${STAGE_DIRECTION.source}\\(Laughter\\.\\)</span> It is\\.`));
    // Set in italic and muted by its class (app/globals.css).
    expect(html).toContain('class="reader-stage-direction"');
    expect(readFileSync("app/globals.css", "utf8")).toMatch(/\.reader-stage-direction \{\s*@apply[^}]*\bitalic\b/);
    // The words are all still there, in order, so quotes and text fragments match.
    expect(html.replace(/<[^>]+>/g, "")).toBe(text.replace(/'/g, "&#x27;"));
  });

  it("leaves transcriber markers and ordinary brackets as the speaker's words", () => {
    const html = renderToStaticMarkup(
      createElement(AnnotatedText, { text: "The vote was [inaudible 00:12:03] in (the old) hall.", annotations: [] }),
    );
    expect(html).not.toMatch(STAGE_DIRECTION);
  });

  it("keeps a stage direction inside a marked quote marked as both", () => {
    const text = "It is expensive. (Applause.) But it is right.";
    const html = renderToStaticMarkup(
      createElement(AnnotatedText, { text, annotations: [quote(0, text.length, text)] }),
    );
    expect(html).toMatch(/<mark[^>]*data-kind="QUOTE"[^>]*><a [^>]*>It is expensive\. <span role="note"/);
    expect(html).toMatch(new RegExp(`${STAGE_DIRECTION.source}\\(Applause\\.\\)</span> But it is right\\.</a></mark>`));
  });

  it("labels a paragraph that is only a stage direction as one, not as unattributed speech", () => {
    const base = makePublicTranscript();
    const transcript = makePublicTranscript({
      segments: [
        ...base.segments,
        { id: "seg_4", speakerId: null, text: "(Applause.)", startMs: 20_000, endMs: 21_000 },
        { id: "seg_5", speakerId: null, text: "Questions", startMs: null, endMs: null },
      ],
    });
    const html = renderToStaticMarkup(createElement(TranscriptReader, { transcript }));
    expect(html).toMatch(/>Stage direction<\/span>[\s\S]*?<span role="note" aria-roledescription="stage direction"/);
    expect(html).toContain(">Unattributed</span>");
  });
});
