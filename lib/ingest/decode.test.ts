import { describe, expect, it } from "vitest";
import { decodeText, normaliseText } from "./decode";
import { fixture, ingestFixture, speechOf } from "./test-support/fixtures";
import { IngestError } from "./types";

describe("decodeText", () => {
  it("reads UTF-8 with a byte order mark and drops the mark", () => {
    const { text, encoding } = decodeText(fixture("utf8-bom.txt"));
    expect(encoding).toBe("utf-8-bom");
    expect(text).toBe("Good evening from Brussels.\nThe talks resume tomorrow.\n");
  });

  it("reads UTF-16 little-endian with a byte order mark, and normalises its CRLF line endings", () => {
    const { text, encoding } = decodeText(fixture("utf16le-bom.txt"));
    expect(encoding).toBe("utf-16le");
    expect(text).toBe("Good evening. The minister’s café opened in Genève.\nIt is a naïve plan, she said.\n");
  });

  it("reads UTF-16 big-endian with a byte order mark", () => {
    const { text, encoding } = decodeText(fixture("utf16be-bom.txt"));
    expect(encoding).toBe("utf-16be");
    expect(text).toBe("Good evening. The minister’s café opened in Genève.\nIt is a naïve plan, she said.\n");
  });

  it.each([
    ["subtitles/utf32le-bom.srt", "utf-32le"],
    ["subtitles/utf32be-bom.srt", "utf-32be"],
  ])("reads %s, UTF-32 with a byte order mark (the LE mark is not taken for UTF-16)", (name, encoding) => {
    const decoded = decodeText(fixture(name));
    expect(decoded).toMatchObject({ encoding, warnings: [] });
    expect(decoded.text).toBe(
      "1\n00:00:01,000 --> 00:00:03,500\nDobrý den, vítejte v Brně.\n\n" +
        "2\n00:00:03,700 --> 00:00:06,000\nŽádné změny v jízdním řádu.\n",
    );
  });

  it("recognises UTF-16 saved without a byte order mark", () => {
    const bytes = new Uint8Array(Buffer.from("The session resumes at ten.\n", "utf16le"));
    expect(decodeText(bytes)).toMatchObject({ encoding: "utf-16le", text: "The session resumes at ten.\n" });
  });

  it("converts Windows-1252: 0x92 is ’, 0xE9 is é, 0x93 and 0x94 are curly quotes", () => {
    const { text, encoding, warnings } = decodeText(fixture("windows-1252.txt"));
    expect(encoding).toBe("windows-1252");
    expect(text).toBe("The minister’s statement on the café was brief.\nShe said: “we will return”.\n");
    expect(warnings).toEqual([
      "The file is not UTF-8; it was read as windows-1252. Check accented letters and quotes.",
    ]);
  });

  it("calls Latin-1 text without Windows punctuation iso-8859-1", () => {
    const bytes = new Uint8Array(Buffer.from("Le ministre a visité Genève et Zürich.\n", "latin1"));
    expect(decodeText(bytes)).toMatchObject({
      encoding: "iso-8859-1",
      text: "Le ministre a visité Genève et Zürich.\n",
    });
  });

  it("leaves valid UTF-8 as it is, typographic quotes included", () => {
    const { text, encoding, warnings } = decodeText(new TextEncoder().encode("“Yes,” she said – it’s done.\n"));
    expect(encoding).toBe("utf-8");
    expect(text).toBe("“Yes,” she said – it’s done.\n");
    expect(warnings).toEqual([]);
  });

  it("removes zero-width and control characters but keeps tabs and line breaks", () => {
    const { text } = decodeText(fixture("invisible-characters.txt"));
    expect(text).toBe("Good evening from Brussels.\nThe talks resume tomorrow.\tThank you.\nGoodbye.\n");
  });

  it("refuses bytes that are no text in any encoding", () => {
    expect(() => decodeText(fixture("garbage.txt"))).toThrow(
      new IngestError(
        "UNDECODABLE",
        "The file is not readable text in any encoding Verbatim knows. Save it as UTF-8 text and upload it again.",
      ),
    );
  });

  it("refuses a file that holds only whitespace or only a byte order mark", () => {
    expect(() => decodeText(fixture("whitespace-only.txt"))).toThrow("The file contains only whitespace.");
    expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toThrow("The file is empty.");
  });
});

describe("normaliseText", () => {
  it("composes characters (NFC), so è typed two ways compares equal", () => {
    expect(normaliseText("Gene\u0300ve")).toBe("Gen\u00E8ve");
  });

  it("turns CR, CRLF and Unicode line separators into \\n", () => {
    expect(normaliseText("one\r\ntwo\rthree\u2028four")).toBe("one\ntwo\nthree\nfour");
  });

  it("removes U+200B–U+200D, U+2060, U+FEFF and C0/C1 controls other than tab and newline", () => {
    expect(normaliseText("a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf\u0000g\u0007h\u001Bi\u0085j\tk\nl")).toBe(
      "abcdefghij\tk\nl",
    );
  });
});

describe("encodings through the whole pipeline", () => {
  it("turns a Windows-1252 file into Unicode paragraphs", async () => {
    const result = await ingestFixture("windows-1252.txt");
    expect(result.source.encoding).toBe("windows-1252");
    expect(speechOf(result)).toContain("The minister’s statement on the café was brief.");
  });

  it("reports the encoding of a UTF-16 file in the source", async () => {
    const result = await ingestFixture("utf16le-bom.txt");
    expect(result.source).toMatchObject({ encoding: "utf-16le", format: "txt", bytes: 170 });
    expect(speechOf(result)).toBe("Good evening. The minister’s café opened in Genève. It is a naïve plan, she said.");
  });
});
