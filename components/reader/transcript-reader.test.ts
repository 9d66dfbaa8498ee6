import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { makePublicTranscript } from "@/lib/publishing/test-fixture";
import { TranscriptReader } from "./transcript-reader";
import type { PublicTranscript } from "@/lib/publishing/types";

function render(transcript: PublicTranscript = makePublicTranscript()): string {
  return renderToStaticMarkup(createElement(TranscriptReader, { transcript }));
}

describe("TranscriptReader", () => {
  it("gives each paragraph an id p-<n> from one, with a permalink, its speaker and its time", () => {
    const html = render();
    expect(html).toContain('id="p-1"');
    expect(html).toContain('id="p-3"');
    expect(html).not.toContain('id="p-0"');
    expect(html).toMatch(/href="#p-2"[^>]*>.*¶2<\/a>/);
    expect(html).toContain("Ana Ribeiro");
    expect(html).toContain("Play from </span>0:14");
  });

  it("marks annotated words with a link to an aside whose id matches, and links the aside back", () => {
    const html = render();
    expect(html).toMatch(
      /<mark[^>]*data-kind="FACTCHECK"[^>]*><a href="#note-an_fact" id="ref-an_fact" data-note="1"[^>]*>Russia is in material breach of the INF Treaty<\/a><\/mark>/,
    );
    expect(html).toMatch(/<aside id="note-an_fact"/);
    expect(html).toContain('href="#ref-an_fact"');
    expect(html).toContain("Verdict:");
    expect(html).toContain("Accurate");
    expect(html).toContain("Checked by Marta Costa");
    expect(html).toContain('href="https://www.state.gov/inf"');
    expect(html).toContain("<strong>2014</strong>");
  });

  it("links a key quote's note to its quote page", () => {
    const html = render();
    expect(html).toMatch(/<aside id="note-an_quote"/);
    expect(html).toContain('href="/q/an_quote"');
  });

  it("shows an unanchored annotation as an aside on its paragraph without a mark", () => {
    const html = render();
    expect(html).toMatch(/<aside id="note-an_context"/);
    expect(html).not.toContain('href="#note-an_context"');
    expect(html).toContain('href="#p-2"');
    expect(html).toContain("Back to paragraph 2");
    // The aside sits inside the second paragraph's element, after its text.
    const p2 = html.slice(html.indexOf('id="p-2"'), html.indexOf('id="p-3"'));
    expect(p2).toContain('id="note-an_context"');
  });

  it("numbers notes in reading order", () => {
    const html = render();
    expect(html.indexOf("Note 1")).toBeLessThan(html.indexOf("Note 2"));
    expect(html.indexOf("Note 2")).toBeLessThan(html.indexOf("Note 3"));
    expect(html.indexOf('id="note-an_fact"')).toBeLessThan(html.indexOf('id="note-an_context"'));
  });

  it("shows a correction inline at its paragraph, and in the list at the foot with a link to the changes", () => {
    const html = render();
    const p2 = html.slice(html.indexOf('id="p-2"'), html.indexOf('id="p-3"'));
    expect(p2).toMatch(/Corrected <time dateTime="2019-02-15T09:30:00.000Z">15 February 2019<\/time>/);
    expect(p2).toMatch(/it said “.*<del[^>]*>per cent\s*<\/del>.*”, it now says “.*<ins[^>]*>percent\s*<\/ins>/);
    expect(p2).toContain("The house style writes percent as one word.");
    expect(html).toContain('id="corrections"');
    expect(html).toContain('href="/t/nato-press-conference/changes"');
  });

  it("shows fidelity, provenance, dates and speakers", () => {
    const html = render();
    expect(html).toContain("Machine transcript, checked by Ana Ribeiro");
    expect(html).toContain("Original file on record");
    expect(html).toContain("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    expect(html).toMatch(/Published <time[^>]*>14 February 2019<\/time>, updated <time[^>]*>15 February 2019<\/time>/);
    expect(html).toContain("Secretary General, NATO");
    expect(render(makePublicTranscript({ updatedAt: null }))).not.toContain("updated");
  });

  it("has one h1, the title", () => {
    const html = render();
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toMatch(/<h1[^>]*>NATO Secretary General press conference<\/h1>/);
  });

  it("offers the media player only when there is a recording, and plain times without one", () => {
    expect(render()).toContain("<audio");
    const html = render(makePublicTranscript({ mediaUrl: null }));
    expect(html).not.toContain("<audio");
    expect(html).not.toContain("Play from");
    expect(html).toContain("0:14");
  });

  it("renders HTML and script payloads in the title, speakers, text and notes as text", () => {
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const base = makePublicTranscript();
    const html = render(
      makePublicTranscript({
        title: payload,
        summary: payload,
        place: payload,
        speakers: base.speakers.map((speaker) => ({ ...speaker, name: payload, title: payload, outlet: payload })),
        segments: base.segments.map((segment) => ({ ...segment, text: payload })),
        annotations: base.annotations.map((annotation) => ({
          ...annotation,
          anchored: false,
          body: `${payload}\n\n[link](javascript:alert(1))`,
          claim: payload,
          checker: payload,
          sources: [{ url: "javascript:alert(1)", title: payload }],
        })),
        corrections: base.corrections.map((correction) => ({ ...correction, after: payload, reason: payload })),
      }),
    );
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });
});
