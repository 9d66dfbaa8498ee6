import { describe, expect, it } from "vitest";
import { carriedBySentence, sentenceRanges } from "./sentences";

const pieces = (text: string) => sentenceRanges(text).map(({ start, end }) => text.slice(start, end));

describe("sentenceRanges", () => {
  it("ends a sentence at . ! ? … with closing quotes, whatever the case of the next word", () => {
    expect(pieces("We said no. then “we left!” Why? 4.5 million… ok")).toEqual([
      "We said no. ",
      "then “we left!” ",
      "Why? ",
      "4.5 million… ",
      "ok",
    ]);
  });

  it("splits CJK sentences, which have no space after them", () => {
    expect(pieces("会议开始了。我们同意！")).toEqual(["会议开始了。", "我们同意！"]);
  });

  it("covers every character exactly once", () => {
    const text = "  Mr. Smith went to Washington.  He spoke... Then: nothing";
    expect(pieces(text).join("")).toBe(text);
  });
});

describe("carriedBySentence", () => {
  const old = "The committee meets at 10:30. Chloé Bérubé 🇨🇦 will chair it. Questions come after.";
  const range = { start: old.indexOf("Bérubé"), end: old.indexOf("Bérubé") + "Bérubé".length };
  const carry = (text: string) => carriedBySentence(old, text, sentenceRanges(old), () => sentenceRanges(text), range);

  it("follows a sentence that moved word for word and occurs once", () => {
    const moved = "Chloé Bérubé 🇨🇦 will chair it. The committee meets at 10:30. Questions come after.";
    expect(carry(moved)).toEqual({ start: moved.indexOf("Bérubé"), end: moved.indexOf("Bérubé") + 6 });
  });

  it("says nothing when the sentence changed, occurs twice, or is now only part of a sentence", () => {
    expect(carry(old.replace("will chair", "chairs"))).toBeUndefined();
    expect(carry(`${old} Chloé Bérubé 🇨🇦 will chair it.`)).toBeUndefined();
    expect(carry("Yes, Chloé Bérubé 🇨🇦 will chair it. The committee meets at 10:30.")).toBeUndefined();
  });
});
