import { describe, expect, it } from "vitest";
import { wordDiff, type DiffPart } from "./diff";

/** The text a diff shows on one side: the unchanged parts plus that side's own parts. */
function side(parts: DiffPart[], kind: "added" | "removed"): string {
  return parts
    .filter((part) => part.kind === "same" || part.kind === kind)
    .map((part) => part.text)
    .join("");
}

describe("wordDiff", () => {
  it("marks replaced words as removed and added, keeping the rest", () => {
    expect(wordDiff("the alliance is strnog today", "the alliance is strong today")).toEqual([
      { kind: "same", text: "the alliance is " },
      { kind: "removed", text: "strnog" },
      { kind: "added", text: "strong" },
      { kind: "same", text: " today" },
    ]);
  });

  it("reads a rewritten phrase as one removed and one added part, not word by word", () => {
    expect(wordDiff("one two three four", "one five six four")).toEqual([
      { kind: "same", text: "one " },
      { kind: "removed", text: "two three" },
      { kind: "added", text: "five six" },
      { kind: "same", text: " four" },
    ]);
  });

  it("never puts two parts of the same kind next to each other", () => {
    const parts = wordDiff("one two three four, five.", "one six seven eight four; nine ten.");
    expect(parts.length).toBeGreaterThan(3);
    for (let i = 1; i < parts.length; i++) expect(parts[i]?.kind).not.toBe(parts[i - 1]?.kind);
    expect(parts.every((part) => part.text.length > 0)).toBe(true);
  });

  it("is a single unchanged part for equal texts and empty for two empty texts", () => {
    expect(wordDiff("Київ, 2024 😀", "Київ, 2024 😀")).toEqual([{ kind: "same", text: "Київ, 2024 😀" }]);
    expect(wordDiff("", "")).toEqual([]);
  });

  it("joins back to both texts", () => {
    const pairs: [string, string][] = [
      ["Stoltenberg said the alliance is strong.", "Stoltenberg said, again, that NATO is strong and united."],
      ["", "Brand new paragraph."],
      ["Deleted paragraph.", ""],
      ["Зеленський  сказав:\n«Ми вистоїмо» 😀", "Зеленський сказав:\n\n«Ми переможемо» 🇺🇦 café"],
    ];
    for (const [before, after] of pairs) {
      const parts = wordDiff(before, after);
      expect(side(parts, "removed")).toBe(before);
      expect(side(parts, "added")).toBe(after);
    }
  });
});
