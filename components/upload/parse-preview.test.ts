// The preview as first rendered (server-side markup, no browser): what it says about the parse before the reporter
// touches anything. The interactions are in e2e/upload-preview.spec.ts.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ingestFixture } from "@/lib/ingest/test-support/fixtures";
import type { IngestResult } from "@/lib/ingest/types";
import { ParsePreview } from "./parse-preview";

function render(preview: IngestResult, suggestedFidelity = "CLEAN_READ"): string {
  return renderToStaticMarkup(
    createElement(ParsePreview, {
      result: { preview, suggestedFidelity },
      reparse: () => Promise.resolve({ ok: false as const, message: "not in this test" }),
      isCreating: false,
      creatingProgress: 0,
      onCreate: () => undefined,
    }),
  );
}

/** The markup's text, tags dropped, for "does the reporter read this" checks. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("the upload preview", () => {
  it("says which speaker convention was recognised and offers to undo each short-name merge", async () => {
    const parse = await ingestFixture("qa-session.txt");
    const html = render({
      ...parse,
      convention: { id: "government", name: "Government transcript" },
      speakerMerges: [
        { from: "Maria", into: "Maria Kask" },
        { from: "Kask", into: "Maria Kask" },
      ],
    });
    const text = textOf(html);
    expect(html).toMatch(/data-testid="preview-convention"[^>]*>Government transcript</);
    expect(text).toContain("“Maria” joined to “Maria Kask”");
    expect(text).toContain("“Kask” joined to “Maria Kask”");
    expect(text).toContain("Keep “Maria” apart");
    expect(text).toContain("Keep “Kask” apart");
  });

  it("says no convention was recognised, and shows no merges, when the pipeline found none", async () => {
    // A monologue: no line opens a speaker's turn.
    const html = render(await ingestFixture("nato-press-conference-2019-02-14.txt"));
    expect(html).toMatch(/data-testid="preview-convention"[^>]*>None recognised</);
    expect(html).not.toContain('data-testid="speaker-merges"');
  });

  it("lists every removed line and says “Nothing was removed” only when nothing was", async () => {
    const nato = await ingestFixture("nato-press-conference-2019-02-14.txt");
    const html = render(nato);
    expect(nato.removed).toHaveLength(15);
    expect(html.match(/type="checkbox"/g)).toHaveLength(15);
    for (const line of nato.removed) expect(textOf(html)).toContain(line.text.replace(/\s+/g, " "));
    expect(textOf(html)).toContain("Removed as not speech (15)");
    expect(html).not.toContain("Nothing was removed");

    const speakerList = await ingestFixture("speaker-list.json");
    expect(speakerList.removed).toEqual([]);
    expect(render(speakerList)).toContain("Nothing was removed.");
    // A WebVTT file's NOTE, STYLE and REGION blocks are listed, not dropped in silence.
    const briefing = await ingestFixture("briefing.vtt");
    expect(briefing.removed.map((line) => line.reasonCode)).toContain("subtitle-block");
    expect(render(briefing)).not.toContain("Nothing was removed.");
  });

  it("shows a removed line with no text left (markup only) rather than an empty row", async () => {
    const interview = await ingestFixture("interview.srt");
    const html = render({ ...interview, removed: [{ ...interview.removed[0]!, text: "" }] });
    expect(textOf(html)).toContain("(a line with no words)");
  });

  it("starts the fidelity label as not yet confirmed, naming the suggestion", async () => {
    const html = render(await ingestFixture("whisper.json"), "MACHINE");
    expect(html).toMatch(/<option value="" selected="">Not yet confirmed<\/option>/);
    expect(textOf(html)).toContain(
      "the draft carries the suggested label “Machine transcript”, marked not yet confirmed",
    );
  });

  it("lets the reporter edit the date, the place and each speaker's name, filled with what was found", async () => {
    const html = render(await ingestFixture("qa-session.txt"));
    expect(html).toMatch(/<input[^>]*type="date"[^>]*value="2021-03-03"/);
    expect(html).toMatch(/value="Tallinn"/);
    for (const name of ["Moderator", "Question", "Maria Kask", "Anna Berg"]) {
      expect(textOf(html)).toContain(`Name for ${name}`);
      expect(textOf(html)).toContain(`${name} is the same person as`);
    }
  });
});
