import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugFromTitle } from "@/lib/transcripts/slugs";

describe("slugs", () => {
  it("turns a title into lower-case ASCII words", () => {
    expect(slugFromTitle("Press conference by NATO Secretary General Jens Stoltenberg")).toBe(
      "press-conference-by-nato-secretary-general-jens-stoltenberg",
    );
    expect(slugFromTitle("Conférence de presse : Émile Zola’s “J’accuse”")).toBe(
      "conference-de-presse-emile-zolas-jaccuse",
    );
  });

  it("cuts long titles at a word boundary", () => {
    const slug = slugFromTitle("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.split("-").every((part) => part === "word")).toBe(true);
  });

  it("falls back when nothing is left", () => {
    expect(slugFromTitle("!!!")).toBe("transcript");
  });

  it("adds the first free number when the slug is taken", () => {
    expect(firstFreeSlug("a", new Set())).toBe("a");
    expect(firstFreeSlug("a", new Set(["a", "a-2"]))).toBe("a-3");
  });
});
