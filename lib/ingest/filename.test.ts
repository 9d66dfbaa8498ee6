import { describe, expect, it } from "vitest";
import { capFilename, MAX_FILENAME_LENGTH } from "./filename";
import { ingestFile } from "./pipeline";
import { utf8 } from "./test-support/fixtures";

describe("upload names are capped at 255 characters", () => {
  it("truncates a 1,000,000-character name, keeping its extension", () => {
    const capped = capFilename(`${"briefing ".repeat(111_111)}x.srt`);
    expect(Array.from(capped)).toHaveLength(MAX_FILENAME_LENGTH);
    expect(capped.endsWith(".srt")).toBe(true);
    expect(capped.startsWith("briefing briefing")).toBe(true);
  });

  it("leaves ordinary names alone", () => {
    expect(capFilename("nato-press-conference_2019-02-14.srt")).toBe("nato-press-conference_2019-02-14.srt");
    expect(capFilename("a".repeat(255))).toBe("a".repeat(255));
  });

  it("counts characters, never splitting an emoji or other two-unit character", () => {
    const capped = capFilename(`${"🎙".repeat(300)}.txt`);
    expect(Array.from(capped)).toHaveLength(255);
    expect(capped).toBe(`${"🎙".repeat(251)}.txt`);
    expect(new TextDecoder().decode(new TextEncoder().encode(capped))).toBe(capped);
  });

  it("keeps only the last path segment, and drops control characters and broken surrogates", () => {
    expect(capFilename("C:\\Users\\desk\\notes.txt")).toBe("notes.txt");
    expect(capFilename("../../etc/passwd")).toBe("passwd");
    expect(capFilename("notes\u0000\u001b.txt")).toBe("notes.txt");
    expect(capFilename("half\uD800.txt")).toBe("half\uFFFD.txt");
    expect(capFilename("  ")).toBe("upload");
  });

  it("caps the name the pipeline keeps and the title it makes from it", async () => {
    const result = await ingestFile({
      bytes: utf8("Good morning, everyone."),
      filename: `${"x".repeat(1_000_000)}.txt`,
    });
    expect(result.source.filename).toHaveLength(255);
    expect(result.source.filename.endsWith(".txt")).toBe(true);
    expect(result.title?.length).toBeLessThanOrEqual(255);
    expect(result.source.format).toBe("txt");
  });
});
