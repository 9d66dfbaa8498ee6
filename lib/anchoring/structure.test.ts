import { describe, expect, it } from "vitest";
import { quoteSelector } from "./selectors";
import { mergeAnchors, splitAnchors } from "./structure";
import { anchorOn, covered } from "./test-support";

const TEXT = "Stoltenberg said the alliance is strong.  Then the minister left the room.";
const SPLIT_AT = TEXT.indexOf(" Then") - 1; // just after "strong.", before the two spaces

describe("splitAnchors", () => {
  const anchors = [
    { id: "before", ...anchorOn(TEXT, "the alliance") },
    { id: "after", ...anchorOn(TEXT, "the minister") },
    { id: "across", ...anchorOn(TEXT, "strong.  Then") },
  ];
  const { first, second, anchors: split } = splitAnchors(TEXT, SPLIT_AT + 1, anchors);
  const byId = (id: string) => split.find((anchor) => anchor.id === id);

  it("trims the whitespace at the split", () => {
    expect(first).toBe("Stoltenberg said the alliance is strong.");
    expect(second).toBe("Then the minister left the room.");
  });

  it("keeps anchors before the split point on the first paragraph with their offsets", () => {
    const anchor = byId("before");
    expect(anchor).toMatchObject({ part: "first", status: "anchored", start: 17, end: 29 });
    expect(anchor?.quote).toEqual(quoteSelector(first, { start: 17, end: 29 }));
    expect(anchor?.quote.suffix).toBe(" is strong.");
  });

  it("moves anchors after the split point to the second paragraph, shifted past the trimmed whitespace", () => {
    const anchor = byId("after");
    expect(anchor).toMatchObject({ part: "second", status: "anchored", start: 5, end: 17 });
    expect(covered(second, anchor)).toBe("the minister");
    expect(anchor?.quote).toEqual({ exact: "the minister", prefix: "Then ", suffix: " left the room." });
  });

  it("sends an anchor across the split point to review, clamped to the first paragraph with its old quote", () => {
    const original = anchors[2] as (typeof anchors)[2];
    expect(byId("across")).toEqual({
      id: "across",
      part: "first",
      status: "needs_review",
      reason: "split",
      start: original.start,
      end: first.length,
      quote: original.quote,
    });
  });

  it("treats an anchor ending exactly at the split point as before it and one starting there as after it", () => {
    const text = "One two three";
    const result = splitAnchors(text, 4, [anchorOn(text, "One"), anchorOn(text, "two")]);
    expect(result.anchors.map(({ part, status, start, end }) => ({ part, status, start, end }))).toEqual([
      { part: "first", status: "anchored", start: 0, end: 3 },
      { part: "second", status: "anchored", start: 0, end: 3 },
    ]);
  });

  it("keeps UTF-16 offsets right in Cyrillic and emoji text", () => {
    const text = "Зеленський 🇺🇦 сказав. Ми вистоїмо 😀 разом.";
    const at = text.indexOf("Ми");
    const result = splitAnchors(text, at, [anchorOn(text, "🇺🇦 сказав"), anchorOn(text, "вистоїмо 😀")]);
    expect(result.first).toBe("Зеленський 🇺🇦 сказав.");
    expect(result.second).toBe("Ми вистоїмо 😀 разом.");
    const [flag, smile] = result.anchors;
    expect(covered(result.first, flag)).toBe("🇺🇦 сказав");
    expect(covered(result.second, smile)).toBe("вистоїмо 😀");
  });

  it("refuses a split point outside the text", () => {
    expect(() => splitAnchors("abc", 4, [])).toThrow(RangeError);
    expect(() => splitAnchors("abc", -1, [])).toThrow(RangeError);
  });
});

describe("mergeAnchors", () => {
  const a = "Stoltenberg said the alliance is strong.  ";
  const b = "  Then the minister left the room.";

  it("joins the trimmed texts with one space and shifts B's anchors by the merged prefix", () => {
    const aAnchors = [{ id: "a", ...anchorOn(a, "is strong.") }];
    const bAnchors = [{ id: "b", ...anchorOn(b, "Then the minister") }];
    const merged = mergeAnchors(a, aAnchors, b, bAnchors);
    expect(merged.text).toBe("Stoltenberg said the alliance is strong. Then the minister left the room.");
    const [fromA, fromB] = merged.anchors;
    expect(fromA).toMatchObject({ id: "a", status: "anchored", start: 30, end: 40 });
    expect(fromB).toMatchObject({ id: "b", status: "anchored", start: 41, end: 58 });
    expect(covered(merged.text, fromB)).toBe("Then the minister");
  });

  it("recomputes the quotes on both sides of the seam", () => {
    const merged = mergeAnchors(a, [anchorOn(a, "strong.")], b, [anchorOn(b, "Then")]);
    const [fromA, fromB] = merged.anchors;
    expect(fromA?.quote).toEqual({
      exact: "strong.",
      prefix: "toltenberg said the alliance is ",
      suffix: " Then the minister left the room",
    });
    expect(fromB?.quote.prefix).toBe("rg said the alliance is strong. ");
    expect(fromB?.quote.suffix).toBe(" the minister left the room.");
  });

  it("clamps A's anchors on trimmed whitespace and sends one left empty to review", () => {
    const merged = mergeAnchors(
      a,
      [{ start: 30, end: a.length, quote: quoteSelector(a, { start: 30, end: a.length }) }],
      b,
      [{ start: 0, end: 2, quote: quoteSelector(b, { start: 0, end: 2 }) }],
    );
    expect(covered(merged.text, merged.anchors[0])).toBe("is strong.");
    expect(merged.anchors[1]).toMatchObject({ status: "needs_review", reason: "trimmed" });
  });

  it("uses just the other paragraph when one is empty", () => {
    const onlyB = mergeAnchors("   ", [], "  Then.", [anchorOn("  Then.", "Then")]);
    expect(onlyB.text).toBe("Then.");
    expect(onlyB.anchors[0]).toMatchObject({ start: 0, end: 4, status: "anchored" });
    const onlyA = mergeAnchors("Then.  ", [anchorOn("Then.  ", "Then")], "", []);
    expect(onlyA.text).toBe("Then.");
    expect(onlyA.anchors[0]).toMatchObject({ start: 0, end: 4, quote: { exact: "Then", prefix: "", suffix: "." } });
  });
});
