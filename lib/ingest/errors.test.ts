// Every way a file is refused: an IngestError with a specific code and a one-line message, never a stack trace.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ingestFile, maxIngestBytes } from "./pipeline";
import { buildZip } from "./test-support/docx";
import { fixture, ingestFixture, utf8 } from "./test-support/fixtures";
import { IngestError, type IngestErrorCode } from "./types";

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  // One line, no stack frames, no file paths.
  expect(error.message).not.toMatch(/\n|\bat \S+ \(|\/work\/|node_modules/);
  return error;
}

async function expectRefusal(promise: Promise<unknown>, code: IngestErrorCode, message: string | RegExp) {
  const error = await refusal(promise);
  expect(error.code).toBe(code);
  if (typeof message === "string") expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

describe("refused files", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("an empty file", async () => {
    await expectRefusal(ingestFixture("empty.txt"), "EMPTY", "The file is empty.");
  });

  it("a file of whitespace only", async () => {
    await expectRefusal(ingestFixture("whitespace-only.txt"), "EMPTY", "The file contains only whitespace.");
  });

  it("an image renamed .txt, named for what it is", async () => {
    await expectRefusal(
      ingestFixture("renamed-image.txt"),
      "BINARY",
      "This file is a PNG image (image/png), not a transcript. Export it as text, subtitles or Word.",
    );
  });

  it("a PDF renamed .txt, named for what it is", async () => {
    await expectRefusal(
      ingestFixture("renamed-pdf.txt"),
      "BINARY",
      "This file is a PDF document (application/pdf), not a transcript. Export it as text, subtitles or Word.",
    );
  });

  it("a zip archive that is not a Word file", async () => {
    await expectRefusal(
      ingestFile({ bytes: buildZip({ "notes.txt": "hello" }), filename: "notes.txt" }),
      "BINARY",
      "This file is a ZIP archive (application/zip), not a transcript. Export it as text, subtitles or Word.",
    );
  });

  it("bytes that decode to nothing readable", async () => {
    await expectRefusal(ingestFixture("garbage.txt"), "UNDECODABLE", /^The file is not readable text/);
  });

  it("a file over the limit given in the options, stating the limit in MB", async () => {
    const bytes = utf8("x".repeat(3 * 1024 * 1024));
    await expectRefusal(
      ingestFile({ bytes, filename: "long.txt" }, { maxBytes: 2 * 1024 * 1024 }),
      "TOO_LARGE",
      "The file is 3 MB; the limit is 2 MB. Split the transcript into parts.",
    );
  });

  it("a file over INGEST_MAX_BYTES from the environment", async () => {
    vi.stubEnv("INGEST_MAX_BYTES", String(1024 * 1024));
    expect(maxIngestBytes()).toBe(1024 * 1024);
    await expectRefusal(
      ingestFile({ bytes: utf8("word ".repeat(300_000)), filename: "long.txt" }),
      "TOO_LARGE",
      "The file is 1.4 MB; the limit is 1 MB. Split the transcript into parts.",
    );
  });

  it("a file a few bytes over the limit, without claiming it is the limit's size", async () => {
    await expectRefusal(
      ingestFile({ bytes: utf8("x".repeat(2 * 1024 * 1024 + 1)), filename: "long.txt" }, { maxBytes: 2 * 1024 * 1024 }),
      "TOO_LARGE",
      "The file is just over the 2 MB limit. Split the transcript into parts.",
    );
  });

  it("defaults to 25 MB, and the options override the environment", () => {
    expect(maxIngestBytes()).toBe(25 * 1024 * 1024);
    vi.stubEnv("INGEST_MAX_BYTES", "1000");
    expect(maxIngestBytes({ maxBytes: 5000 })).toBe(5000);
  });

  it("JSON of an unknown shape, saying which shapes are accepted", async () => {
    await expectRefusal(
      ingestFixture("unknown-shape.json"),
      "UNKNOWN_JSON",
      "This JSON is not a transcript Verbatim reads. It reads a streaming log of partial and final results " +
        '(Deepgram live, Amazon Transcribe or Google streaming); AssemblyAI ({"utterances": [{"speaker", "start", ' +
        '"end", "text"}]} or its "words"); Deepgram ({"results": {"channels": [{"alternatives": [{"paragraphs" or ' +
        '"words"}]}]}}); Amazon Transcribe ({"results": {"transcripts", "items", "speaker_labels"}}); Whisper output ' +
        '({"segments": [{"start", "end", "text"}]}); or a list of {"speaker" (or "name"), "start", "end", "text" ' +
        '(or "speech", "content", "transcript")} objects, alone or in sections.',
    );
  });

  it("invalid JSON, with the position of the error", async () => {
    const bytes = utf8('[\n  { "speaker": "Moderator", "text": "Welcome." }\n  { "speaker": "Q", "text": "Hi" }\n]');
    await expectRefusal(
      ingestFile({ bytes, filename: "export.json" }),
      "UNKNOWN_JSON",
      /^This file is not valid JSON at line 3, column 3: .+\.$/,
    );
  });

  it("subtitles with no timing line that can be read", async () => {
    const srt = "1\n00:00:05,000 00:00:02,000\nNo arrow.\n\n2\n00:00:07,000 – 00:00:09,000\nA dash, no arrow.\n";
    await expectRefusal(
      ingestFile({ bytes: utf8(srt), filename: "broken.srt" }),
      "BROKEN_SUBTITLES",
      "No usable cue in this subtitle file. No timing line can be read (such as 00:00:01,000 --> 00:00:04,000). " +
        "Fix the timings or upload the transcript as plain text.",
    );
  });

  it("a subtitle file with no cues at all", async () => {
    await expectRefusal(
      ingestFile({ bytes: utf8("Just some words.\nNo timings anywhere.\n"), filename: "notes.srt" }),
      "BROKEN_SUBTITLES",
      /^No usable cue in this subtitle file\./,
    );
  });

  it("random bytes named .docx", async () => {
    await expectRefusal(ingestFixture("broken.docx"), "UNREADABLE_DOCX", /^This \.docx file is not a Word document/);
  });

  it("a zip named .docx that holds no Word document", async () => {
    await expectRefusal(
      ingestFile({ bytes: buildZip({ "notes.txt": "hello" }), filename: "notes.docx" }),
      "UNREADABLE_DOCX",
      "This .docx file could not be read as a Word document; it may be damaged. Open it in Word and save it again.",
    );
  });
});

describe("the source record", () => {
  it("carries the byte length and the SHA-256 of the original bytes", async () => {
    const bytes = fixture("windows-1252.txt");
    const result = await ingestFile({ bytes, filename: "statement.txt" });
    expect(result.source.bytes).toBe(bytes.byteLength);
    expect(result.source.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(result.source.filename).toBe("statement.txt");
  });
});
