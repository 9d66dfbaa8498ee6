import { describe, expect, it } from "vitest";
import { detectTextFormat, sniffContent } from "./detect";
import { buildDocx } from "./test-support/docx";
import { fixture } from "./test-support/fixtures";

describe("detectTextFormat", () => {
  it("recognises subtitles and JSON by content, whatever the extension", () => {
    expect(detectTextFormat("1\n00:00:01,000 --> 00:00:02,000\nHi.\n", "a.txt", null)).toBe("srt");
    expect(detectTextFormat("WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n", "a.txt", null)).toBe("vtt");
    expect(detectTextFormat("WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n", "a.srt", null)).toBe("vtt");
    expect(detectTextFormat('[{"speaker": "A", "text": "Hi."}]', "a.txt", null)).toBe("json");
    expect(detectTextFormat("# Title\n\nText.", "a.txt", null)).toBe("md");
  });

  it("reads JSON content as JSON whatever the file is called, JSON Lines from streaming tools included", () => {
    const speakerList = '[{"speaker": "Ana", "text": "Hi."}]';
    expect(detectTextFormat(speakerList, "export.srt", null)).toBe("json");
    expect(detectTextFormat(speakerList, "export.md", null)).toBe("json");
    expect(detectTextFormat(speakerList, "export", "text/plain")).toBe("json");
    const jsonLines = '{"is_final": false, "text": "the"}\n{"is_final": true, "text": "The end."}\n';
    expect(detectTextFormat(jsonLines, "live.log", null)).toBe("json");
    expect(detectTextFormat('{"a": 1}\nnot json\n', "notes.txt", null)).toBe("txt");
  });

  it("keeps plain text that only looks like JSON or Markdown at a glance", () => {
    expect(detectTextFormat("[Music] Good evening.\n", "a.txt", null)).toBe("txt");
    expect(detectTextFormat("#NATO #DefMin\nGood evening.\n", "a.txt", null)).toBe("txt");
  });

  it("trusts the extension and media type when the content says nothing", () => {
    expect(detectTextFormat("Hello.", "notes.md", null)).toBe("md");
    expect(detectTextFormat("Hello.", "notes", "text/markdown")).toBe("md");
    expect(detectTextFormat("Hello.", "export.json", null)).toBe("json");
    expect(detectTextFormat("Hello.", "captions.srt", null)).toBe("srt");
  });
});

describe("sniffContent", () => {
  it("tells Word from text by content", async () => {
    expect(await sniffContent(buildDocx([{ text: "Hi." }]), "a.bin", null)).toBe("docx");
    expect(await sniffContent(fixture("qa-session.txt"), "qa.txt", null)).toBe("text");
  });

  it("does not mistake a UTF-16 byte order mark for an MPEG audio frame", async () => {
    expect(await sniffContent(fixture("utf16le-bom.txt"), "a.txt", null)).toBe("text");
  });

  it("takes a UTF-32 byte order mark for text", async () => {
    expect(await sniffContent(fixture("subtitles/utf32le-bom.srt"), "a.srt", null)).toBe("text");
    expect(await sniffContent(fixture("subtitles/utf32be-bom.srt"), "a.srt", null)).toBe("text");
  });

  it("says what an audio file is and that Verbatim does not transcribe", async () => {
    const wav = new Uint8Array([
      ...Buffer.from("RIFF"),
      36,
      0,
      0,
      0,
      ...Buffer.from("WAVEfmt "),
      16,
      0,
      0,
      0,
      1,
      0,
      1,
      0,
      0x44,
      0xac,
      0,
      0,
      0x88,
      0x58,
      1,
      0,
      2,
      0,
      16,
      0,
      ...Buffer.from("data"),
      0,
      0,
      0,
      0,
    ]);
    await expect(sniffContent(wav, "interview.txt", null)).rejects.toThrow(
      /^This file is a WAV audio file \(audio\/\S+\), not a transcript\. Verbatim does not transcribe recordings/,
    );
  });
});
