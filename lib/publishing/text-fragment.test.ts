import { describe, expect, it } from "vitest";
import { encodeTextDirectivePart, passageLink, textDirective } from "./text-fragment";

describe("text fragments", () => {
  it("percent-encodes the characters a text directive reserves: dash, ampersand and comma", () => {
    expect(encodeTextDirectivePart("well-known, tried & tested")).toBe("well%2Dknown%2C%20tried%20%26%20tested");
  });

  it("encodes non-ASCII letters, hashes and percent signs as UTF-8", () => {
    expect(encodeTextDirectivePart("Público #1 100%")).toBe("P%C3%BAblico%20%231%20100%25");
  });

  it("links a short quote by its whole text, with whitespace collapsed", () => {
    expect(textDirective("  We will  act\nnow. ")).toBe("text=We%20will%20act%20now.");
  });

  it("links a quote of up to 300 characters whole, so a summary that paraphrases it cannot take the match", () => {
    const quote = "Allies have added 41 billion US dollars since 2016, and by the end of next year";
    expect(textDirective(quote)).toBe(`text=${encodeTextDirectivePart(quote)}`);
  });

  it("links a longer quote by its first and last six words", () => {
    const middle = "and so on ".repeat(40);
    const quote = `One two three four five six ${middle}seven eight nine ten-eleven, twelve thirteen`;
    expect(textDirective(quote)).toBe(
      "text=One%20two%20three%20four%20five%20six,seven%20eight%20nine%20ten%2Deleven%2C%20twelve%20thirteen",
    );
  });

  it("gives no directive for a quote without words", () => {
    expect(textDirective("   ")).toBeNull();
  });

  it("builds the passage link: paragraph anchor, then the text directive", () => {
    expect(passageLink({ path: "/t/nato-briefing", paragraphNumber: 3, quote: "Russia - in breach" })).toBe(
      "/t/nato-briefing#p-3:~:text=Russia%20%2D%20in%20breach",
    );
    expect(passageLink({ path: "/t/x", paragraphNumber: 1, quote: "" })).toBe("/t/x#p-1");
  });
});
