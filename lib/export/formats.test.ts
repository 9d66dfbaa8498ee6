import fs from "node:fs";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { renderAnnotationsCsv } from "./csv";
import { renderDocx } from "./docx";
import { availableFormats, contentDisposition, NoTimingsError, PUBLIC_EXPORT_FORMATS, renderExport } from "./index";
import { buildJsonExport, renderJson } from "./json";
import { transcriptExportSchema } from "./json-schema";
import { escapeMarkdown, renderMarkdown } from "./markdown";
import { markdownToPlainText, piecesWithMarkers } from "./notes";
import { annotation, briefing } from "./test-fixture";
import { renderText } from "./text";
import { JSON_SCHEMA_PATH, jsonSchemaText } from "./write-json-schema";

/** RFC 4180 records as objects keyed by the header row: enough of a CSV reader to check what was written. */
function parse(csv: string, _options: { columns: true }): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < csv.length; index++) {
    const character = csv[index]!;
    if (quoted) {
      if (character === '"' && csv[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      record.push(cell);
      cell = "";
    } else if (character === "\r" && csv[index + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      index++;
    } else cell += character;
  }
  if (cell !== "" || record.length > 0) records.push([...record, cell]);
  const [header = [], ...rows] = records;
  return rows.map((row) => Object.fromEntries(header.map((name, column) => [name, row[column] ?? ""])));
}

const NOTE = annotation({
  id: "a-note",
  kind: "NOTE",
  segmentId: "p4",
  start: 0,
  end: 17,
  exact: "The coastal fleet",
  body: "Check the fleet numbers with the ministry.",
  author: "Rita Reporter",
  createdAt: "2019-02-14T10:00:00.000Z",
  status: "ANCHORED",
});

function untimed() {
  const model = briefing();
  return { ...model, segments: model.segments.map((segment) => ({ ...segment, startMs: null, endMs: null })) };
}

describe("plain text", () => {
  it("has the title, details, speakers where they change, numbered notes and the corrections", () => {
    const text = renderText(briefing());
    expect(text.startsWith("Fisheries briefing in Bergen\n14 February 2019 · Bergen · Clean read\n")).toBe(true);
    expect(text).toContain("Read online: https://news.example/t/fisheries-briefing");
    expect(text).toContain("[0:02] Moderator: Good afternoon and welcome to the fisheries briefing[1].");
    expect(text).toContain("[0:06] Kari Holm: The fisheries agreement was signed in Bergen on Monday.");
    expect(text).toContain("Quotas rise by two percent[2] next year.");
    expect(text).toContain("[2] Fact-check: Misleading, on “Quotas rise by two percent” (paragraph 2)");
    expect(text).toContain("    Claim: Quotas rise by two percent next year.");
    expect(text).toContain("    Sources: Quota tables 2019 <https://example.org/quotas-2019>");
    expect(text).toContain("    Checked by Frida Factchecker");
    expect(text).toContain("    The ministry holds the briefing after every quota round.");
    expect(text).toContain("15 February 2019, paragraph 2: The agreement was signed on Monday, not Tuesday.");
    expect(text).toContain("    Before: The fisheries agreement was signed in Bergen on Tuesday.");
    expect(text).not.toContain("[Internal note]");
  });

  it("marks an internal note when a staff export carries one", () => {
    const model = briefing();
    const text = renderText({ ...model, annotations: [...model.annotations, NOTE] });
    expect(text).toContain("The coastal fleet[3] gets the largest share it has ever had[4], and");
    expect(text).toContain("[3] [Internal note], by Rita Reporter, on “The coastal fleet” (paragraph 4)");
    expect(text).toContain("    Check the fleet numbers with the ministry.");
  });

  it("leaves out times for an untimed transcript", () => {
    expect(renderText(untimed())).toContain("\n\nModerator: Good afternoon");
  });
});

describe("Markdown", () => {
  it("has a heading, bold speakers, footnotes with Markdown bodies and a corrections section", () => {
    const markdown = renderMarkdown(briefing());
    expect(markdown.startsWith("# Fisheries briefing in Bergen\n\n*14 February 2019 · Bergen · Clean read*\n")).toBe(
      true,
    );
    expect(markdown).toContain("`0:06` **Kari Holm:** The fisheries agreement");
    expect(markdown).toContain("Quotas rise by two percent[^2] next year.");
    expect(markdown).toContain(
      "[^1]: **Context** on “fisheries briefing”.\n\n    The ministry holds the briefing after every **quota round**.",
    );
    expect(markdown).toContain("*Sources:* [Quota tables 2019](<https://example.org/quotas-2019>)");
    expect(markdown).toContain("## Corrections");
    expect(markdown).toContain("  - After: The fisheries agreement was signed in Bergen on Monday.");
  });

  it("escapes speech so it is never read as formatting", () => {
    expect(escapeMarkdown("# 1. *not* [a](link) <b>")).toBe("\\# 1. \\*not\\* \\[a\\](link) \\<b\\>");
    expect(escapeMarkdown("- a list?")).toBe("\\- a list?");
  });

  it("marks an internal note in its footnote", () => {
    const model = briefing();
    const markdown = renderMarkdown({ ...model, annotations: [...model.annotations, NOTE] });
    expect(markdown).toContain("[^3]: **[Internal note]** (Rita Reporter) on “The coastal fleet”.");
  });
});

describe("Word", () => {
  it("has the title, bold speaker names, footnotes for annotations and the corrections", async () => {
    const model = briefing();
    const bytes = await renderDocx({ ...model, annotations: [...model.annotations, NOTE] });
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    // Word's Title style, which mammoth reads as a plain paragraph.
    expect(html.startsWith("<p>Fisheries briefing in Bergen</p>")).toBe(true);
    expect(html).toContain("<em>14 February 2019 · Bergen · Clean read</em>");
    expect(html).toContain("<strong>Kari Holm: </strong>The fisheries agreement was signed in Bergen on Monday.");
    expect(html).not.toContain("Tuesday. Quotas rise by two percent next year.</p><p><strong>");
    // Footnotes: the reference after the words, the note at the end.
    expect(html).toMatch(
      /Quotas rise by two percent<sup><a href="#footnote-\d+" id="footnote-ref-\d+">\[2\]<\/a><\/sup> next year/,
    );
    expect(html).toMatch(
      /The coastal fleet<sup><a [^>]+>\[3\]<\/a><\/sup> gets the largest share it has ever had<sup><a [^>]+>\[4\]/,
    );
    expect(html).toContain("<strong>Fact-check: Misleading</strong> on “Quotas rise by two percent” (paragraph 2)");
    expect(html).toContain("Sources: Quota tables 2019 &lt;https://example.org/quotas-2019&gt;");
    expect(html).toContain("<strong>[Internal note] (Rita Reporter)</strong> on “The coastal fleet”");
    expect(html).toContain("<h1>Corrections</h1>");
    expect(html).toContain("After: The fisheries agreement was signed in Bergen on Monday. Quotas rise by two percent");
  });
});

describe("JSON", () => {
  it("is the ingest shape plus annotations and corrections, and validates against its schema", () => {
    const document = buildJsonExport(briefing());
    expect(transcriptExportSchema.parse(JSON.parse(renderJson(briefing())))).toEqual(document);
    expect(document).toMatchObject({
      format: "verbatim-transcript",
      version: 1,
      title: "Fisheries briefing in Bergen",
      occurredAt: "2019-02-14",
      place: "Bergen",
      language: "en",
      fidelityLabel: "Clean read",
      timed: true,
    });
    expect(document.speakers[1]).toEqual({
      name: "Kari Holm",
      title: "Fisheries Minister",
      role: "official",
      outlet: null,
    });
    expect(document.segments[1]).toEqual({
      number: 2,
      speaker: "Kari Holm",
      text: "The fisheries agreement was signed in Bergen on Monday. Quotas rise by two percent next year.",
      startMs: 6000,
      endMs: 12_250,
    });
    const factcheck = document.annotations[1]!;
    expect(factcheck).toEqual({
      kind: "factcheck",
      internal: false,
      segment: 2,
      start: 56,
      end: 82,
      exact: "Quotas rise by two percent",
      anchored: true,
      body: "The total rises by two percent, but the cod quota falls.",
      verdict: "misleading",
      claim: "Quotas rise by two percent next year.",
      sources: [{ url: "https://example.org/quotas-2019", title: "Quota tables 2019" }],
      checker: "Frida Factchecker",
    });
    // The offsets point at the exact words in the paragraph's text.
    expect(document.segments[factcheck.segment - 1]!.text.slice(factcheck.start, factcheck.end)).toBe(factcheck.exact);
    expect(document.corrections).toEqual([
      {
        segment: 2,
        before: "The fisheries agreement was signed in Bergen on Tuesday. Quotas rise by two percent next year.",
        after: "The fisheries agreement was signed in Bergen on Monday. Quotas rise by two percent next year.",
        reason: "The agreement was signed on Monday, not Tuesday.",
        at: "2019-02-15T09:00:00.000Z",
      },
    ]);
  });

  it("marks internal notes, with author and date", () => {
    const model = briefing();
    const document = transcriptExportSchema.parse(
      buildJsonExport({ ...model, annotations: [...model.annotations, NOTE] }),
    );
    expect(document.annotations.filter((entry) => entry.internal)).toEqual([
      expect.objectContaining({
        kind: "note",
        internal: true,
        segment: 4,
        exact: "The coastal fleet",
        author: "Rita Reporter",
      }),
    ]);
  });

  it("refuses what is not its shape", () => {
    const document = buildJsonExport(briefing());
    expect(transcriptExportSchema.safeParse({ ...document, segments: [{ text: "x" }] }).success).toBe(false);
    expect(transcriptExportSchema.safeParse({ ...document, occurredAt: "14/02/2019" }).success).toBe(false);
  });

  it("the JSON Schema kept in the repository is the one the zod schema makes", () => {
    const kept = fs.readFileSync(JSON_SCHEMA_PATH, "utf8");
    expect(JSON.parse(kept), "run `npx tsx lib/export/write-json-schema.ts`").toEqual(JSON.parse(jsonSchemaText()));
    const schema = JSON.parse(kept) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(
      expect.arrayContaining(["title", "speakers", "segments", "annotations", "corrections"]),
    );
  });
});

describe("annotations CSV", () => {
  it("has one row per annotation, internal notes marked, with paragraph, words, verdict, sources and author", () => {
    const model = briefing();
    const csv = renderAnnotationsCsv({ ...model, annotations: [...model.annotations, NOTE] });
    expect(csv.startsWith("\uFEFFkind,internal,status,paragraph,")).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({
      kind: "Fact-check",
      internal: "no",
      paragraph: "2",
      speaker: "Kari Holm",
      "exact text": "Quotas rise by two percent",
      verdict: "Misleading",
      claim: "Quotas rise by two percent next year.",
      sources: "Quota tables 2019 <https://example.org/quotas-2019>",
      checker: "Frida Factchecker",
    });
    expect(rows[3]).toMatchObject({
      kind: "Internal note",
      internal: "yes",
      status: "anchored",
      paragraph: "4",
      body: "Check the fleet numbers with the ministry.",
      author: "Rita Reporter",
      created: "2019-02-14T10:00:00.000Z",
    });
  });

  it("writes a cell that starts like a formula as text", () => {
    const model = briefing();
    const formula = annotation({ ...NOTE, id: "a-formula", body: '=HYPERLINK("http://evil.test")' });
    const rows = parse(renderAnnotationsCsv({ ...model, annotations: [formula] }).slice(1), {
      columns: true,
    }) as Record<string, string>[];
    expect(rows[0]?.body).toBe(`'=HYPERLINK("http://evil.test")`);
  });
});

describe("choosing a format", () => {
  it("offers subtitles only for a timed transcript, and refuses them otherwise", async () => {
    expect(availableFormats(PUBLIC_EXPORT_FORMATS, briefing())).toEqual(["txt", "md", "srt", "vtt", "docx", "json"]);
    expect(availableFormats(PUBLIC_EXPORT_FORMATS, untimed())).toEqual(["txt", "md", "docx", "json"]);
    await expect(renderExport("srt", untimed())).rejects.toBeInstanceOf(NoTimingsError);
    await expect(renderExport("vtt", untimed())).rejects.toBeInstanceOf(NoTimingsError);
  });

  it("names the file after the slug, with a content type", async () => {
    expect(await renderExport("md", briefing())).toMatchObject({
      filename: "fisheries-briefing.md",
      contentType: "text/markdown; charset=utf-8",
    });
    expect((await renderExport("csv", briefing())).filename).toBe("fisheries-briefing-annotations.csv");
  });

  it("gives an ASCII file name and the exact UTF-8 one", () => {
    expect(contentDisposition("fisheries-briefing.txt")).toBe(
      `attachment; filename="fisheries-briefing.txt"; filename*=UTF-8''fisheries-briefing.txt`,
    );
    expect(contentDisposition('réunion "x".txt')).toBe(
      `attachment; filename="reunion _x_.txt"; filename*=UTF-8''r%C3%A9union%20%22x%22.txt`,
    );
  });
});

describe("notes shared by the text formats", () => {
  it("puts a note's number after its words, or at the paragraph's end once its words are gone", () => {
    const numbers = new Map([
      ["a", 1],
      ["b", 2],
    ]);
    const pieces = piecesWithMarkers(
      "one two three",
      [
        annotation({ id: "a", kind: "CONTEXT", segmentId: "p", start: 0, end: 3, exact: "one" }),
        annotation({ id: "b", kind: "QUOTE", segmentId: "p", start: 4, end: 7, exact: "gone", anchored: false }),
      ],
      numbers,
    );
    expect(pieces).toEqual([
      { kind: "text", text: "one" },
      { kind: "marker", number: 1 },
      { kind: "text", text: " two three" },
      { kind: "marker", number: 2 },
    ]);
  });

  it("reads Markdown bodies as plain sentences", () => {
    expect(
      markdownToPlainText("KFOR began in **June 1999**; see [the record](https://example.org/kfor) and _this_."),
    ).toBe("KFOR began in June 1999; see the record (https://example.org/kfor) and this.");
  });
});
