import { describe, expect, it } from "vitest";
import { ingestFile } from "./pipeline";
import { utf8 } from "./test-support/fixtures";
import { repairLoneSurrogates } from "./unicode";

/** UTF-16LE with a byte order mark, written code unit by code unit so lone surrogates survive. */
function utf16le(text: string): Uint8Array {
  const bytes = Buffer.alloc(2 + text.length * 2);
  bytes.writeUInt16LE(0xfeff, 0);
  for (let index = 0; index < text.length; index++) bytes.writeUInt16LE(text.charCodeAt(index), 2 + index * 2);
  return new Uint8Array(bytes);
}

describe("broken characters are repaired with a warning", () => {
  it("replaces lone surrogates, and only them", () => {
    expect(repairLoneSurrogates("a\uD800b\uDC00c 🎙")).toEqual({ text: "a\uFFFDb\uFFFDc 🎙", repaired: 2 });
    expect(repairLoneSurrogates("end\uD83C")).toEqual({ text: "end\uFFFD", repaired: 1 });
  });

  it("a UTF-16 file holding a lone surrogate parses to well-formed text and says so", async () => {
    const result = await ingestFile({
      bytes: utf16le("MODERATOR: Good morning \uD800 everyone.\nWelcome to the briefing."),
      filename: "briefing.txt",
    });
    expect(result.source.encoding).toBe("utf-16le");
    expect(result.segments[0]?.text).toBe("Good morning \uFFFD everyone. Welcome to the briefing.");
    expect(result.warnings).toContain("1 character could not be decoded and show as �.");
  });

  it("a JSON transcript spelling half a pair as an escape is repaired too", async () => {
    const json = JSON.stringify([{ speaker: "Moderator", start: 0, end: 2, text: "Hello" }]).replace(
      "Hello",
      "Hello \\ud800 there",
    );
    const result = await ingestFile({ bytes: utf8(json), filename: "export.json" });
    expect(result.segments[0]?.text).toBe("Hello \uFFFD there");
    expect(result.warnings).toContain("1 broken character was replaced with �; check the text around them.");
  });
});
