import { describe, expect, it } from "vitest";
import { reanchor, reanchorAll } from "./reanchor";
import { findQuote, quoteSelector } from "./selectors";
import { anchorOn, covered, NEWSROOM_SENTENCES } from "./test-support";

const TEXT = "Stoltenberg said the alliance is strong and that members would meet in Vilnius.";

describe("edits before the range", () => {
  const anchor = anchorOn(TEXT, "the alliance is strong");

  it.each([
    ["an insertion", "On Monday, Stoltenberg said the alliance is strong and that members would meet in Vilnius."],
    ["a deletion", "He said the alliance is strong and that members would meet in Vilnius."],
    ["a replacement", "Jens Stoltenberg told reporters the alliance is strong and that members would meet in Vilnius."],
  ])("shift it after %s and it still reads the same words", (_edit, edited) => {
    const result = reanchor(TEXT, edited, anchor);
    expect(result.status).toBe("anchored");
    expect(result.start).toBe(edited.indexOf("the alliance"));
    expect(covered(edited, result)).toBe("the alliance is strong");
    expect(result.quote).toEqual(quoteSelector(edited, result));
  });
});

describe("edits after the range", () => {
  it("leave its offsets and words alone, refreshing only the context", () => {
    const anchor = anchorOn(TEXT, "the alliance is strong");
    const edited = "Stoltenberg said the alliance is strong, and that allies would meet in Vilnius in July.";
    const result = reanchor(TEXT, edited, anchor);
    expect(result).toEqual({
      status: "anchored",
      start: anchor.start,
      end: anchor.end,
      quote: {
        exact: "the alliance is strong",
        prefix: "Stoltenberg said ",
        suffix: ", and that allies would meet in ",
      },
    });
  });
});

describe("edits inside the range", () => {
  it("a typo fix updates the range and the quote", () => {
    const before = "Stoltenberg said the alliance is strnog, and united.";
    const after = "Stoltenberg said the alliance is strong, and united.";
    const result = reanchor(before, after, anchorOn(before, "the alliance is strnog"));
    expect(result).toMatchObject({ status: "anchored", start: 17, end: 39 });
    expect(result.quote.exact).toBe("the alliance is strong");
    expect(result.reason).toBeUndefined();
  });

  it("an insertion strictly inside extends the range", () => {
    const after = "Stoltenberg said the alliance is very strong and that members would meet in Vilnius.";
    const result = reanchor(TEXT, after, anchorOn(TEXT, "the alliance is strong"));
    expect(covered(after, result)).toBe("the alliance is very strong");
    expect(result.quote.exact).toBe("the alliance is very strong");
  });

  it("a replacement starting at or across the range's start is taken into the range", () => {
    const before = "He said the alliance is strong.";
    const anchor = anchorOn(before, "alliance is strong");
    expect(
      covered("He said the Alliance is strong.", reanchor(before, "He said the Alliance is strong.", anchor)),
    ).toBe("Alliance is strong");
    expect(covered("He said Alliance is strong.", reanchor(before, "He said Alliance is strong.", anchor))).toBe(
      "Alliance is strong",
    );
  });

  it("a long replacement across the range's end is left out, so a short quote does not swell", () => {
    const before = "one two three four";
    const after = "one two 123456789012345 four";
    const result = reanchor(before, after, anchorOn(before, "two th"));
    expect(result.status).toBe("anchored");
    // The space the range ended with before "th" is not its own word: it is left at the edge.
    expect(covered(after, result)).toBe("two");
  });

  it("a rewrite of less than half of the words keeps the anchor on the rewritten words", () => {
    const after = "Stoltenberg said the alliance remains strong and that members would meet in Vilnius.";
    const result = reanchor(TEXT, after, anchorOn(TEXT, "the alliance is strong"));
    expect(result.status).toBe("anchored");
    expect(covered(after, result)).toBe("the alliance remains strong");
  });
});

describe("insertions exactly at the boundaries", () => {
  const anchor = anchorOn(TEXT, "alliance");

  it("at the start go before the range", () => {
    const after = TEXT.replace("the alliance", "the NATO alliance");
    const result = reanchor(TEXT, after, anchor);
    expect(result.start).toBe(anchor.start + "NATO ".length);
    expect(covered(after, result)).toBe("alliance");
  });

  it("at the end go after the range", () => {
    const after = TEXT.replace("alliance is", "alliance itself is");
    const result = reanchor(TEXT, after, anchor);
    expect(result).toMatchObject({ start: anchor.start, end: anchor.end });
    expect(result.quote.suffix.startsWith(" itself is")).toBe(true);
  });

  it("hold when the quoted words were edited in the same save", () => {
    const before = "Stoltenberg said the alliance is strnog today.";
    const after = "Stoltenberg said the NATO alliance is strong, indeed, today.";
    const result = reanchor(before, after, anchorOn(before, "alliance is strnog"));
    expect(result).toMatchObject({ status: "anchored", quote: { exact: "alliance is strong" } });
  });

  it("do not grow the range even when the inserted letters repeat its own", () => {
    // The character diff may read "sstrong" as an "s" added after the first "s"; the range must still be "strong".
    const before = "Stoltenberg said the alliance is strong.";
    const strong = anchorOn(before, "strong");
    const sstrong = "Stoltenberg said the alliance is sstrong.";
    expect(covered(sstrong, reanchor(before, sstrong, strong))).toBe("strong");
    expect(reanchor(before, sstrong, strong).start).toBe(strong.start + 1);
    const strongg = "Stoltenberg said the alliance is strongg.";
    expect(reanchor(before, strongg, strong)).toMatchObject({ start: strong.start, end: strong.end });
    // Deleting a doubled letter just before the range must not cut the range's own first letter off.
    const aaab = "aaab";
    expect(reanchor(aaab, "aab", anchorOn(aaab, "ab"))).toMatchObject({ status: "anchored", start: 1, end: 3 });
  });
});

describe("words that are gone", () => {
  it("deleting the quoted words needs review as deleted, keeping the old quote and clamped offsets", () => {
    const anchor = anchorOn(TEXT, "members would meet in Vilnius");
    const after = "Stoltenberg said the alliance is strong.";
    const result = reanchor(TEXT, after, anchor);
    expect(result).toEqual({
      status: "needs_review",
      reason: "deleted",
      start: after.length,
      end: after.length,
      quote: anchor.quote,
    });
  });

  it("replacing the whole paragraph with an unrelated one needs review as deleted", () => {
    const before = "Our budget was approved by parliament yesterday.";
    const after = "Weather forecasts predict heavy snowfall tomorrow.";
    const anchor = anchorOn(before, "budget was approved");
    expect(reanchor(before, after, anchor)).toEqual({
      status: "needs_review",
      reason: "deleted",
      start: anchor.start,
      end: anchor.end,
      quote: anchor.quote,
    });
  });

  it("a rewrite that shares only scattered letters with the quote needs review as deleted", () => {
    // "taxes rise in spring" and "rates stay in summer" share 11 of 20 characters, but apart from " in " only by
    // coincidence ("a", "e", "s"); those do not count as surviving.
    const before = "Minister: taxes rise in spring.";
    const anchor = anchorOn(before, "taxes rise in spring");
    expect(reanchor(before, "Minister: rates stay in summer.", anchor)).toMatchObject({
      status: "needs_review",
      reason: "deleted",
      quote: anchor.quote,
    });
  });

  it("quoted words that a rewrite took out and put back twice need review as moved; nothing is guessed", () => {
    const before = "Kyiv will be invited, the minister said after the long meeting in Brussels on Tuesday.";
    const after =
      "The minister said after the long meeting in Brussels on Tuesday: Kyiv will be invited. Kyiv will be invited!";
    const anchor = anchorOn(before, "Kyiv will be invited");
    expect(findQuote(after, anchor.quote)).toHaveLength(2);
    expect(reanchor(before, after, anchor)).toEqual({
      status: "needs_review",
      reason: "moved",
      start: anchor.start,
      end: anchor.end,
      quote: anchor.quote,
    });
  });
});

describe("words that moved", () => {
  it("are found again when sentences are reordered and the quote occurs once", () => {
    const before = "He said the alliance is strong. Then the minister left the room without taking questions.";
    const after = "Then the minister left the room without taking questions. He said the alliance is strong.";
    const result = reanchor(before, after, anchorOn(before, "the alliance is strong"));
    expect(result.status).toBe("anchored");
    expect(result.start).toBe(after.indexOf("the alliance is strong"));
    expect(covered(after, result)).toBe("the alliance is strong");
  });

  it("are not searched for by their quote when the stored offsets are stale: a person confirms", () => {
    const anchor = { ...anchorOn(TEXT, "Vilnius"), start: 2, end: 9 };
    const after = TEXT.replace("Stoltenberg", "Jens Stoltenberg");
    expect(reanchor(TEXT, after, anchor)).toMatchObject({ status: "needs_review", reason: "ambiguous", start: 2 });
  });
});

describe("unchanged text", () => {
  it("returns the anchor as it was", () => {
    const anchor = { start: 3, end: 9, quote: { exact: "stale!", prefix: "p", suffix: "s" } };
    expect(reanchor(TEXT, TEXT, anchor)).toEqual({ status: "anchored", ...anchor });
  });
});

describe("non-ASCII text", () => {
  it("keeps UTF-16 offsets right around accents, emoji and Cyrillic", () => {
    const before = "Зеленський сказав 🇺🇦: «Ми вистоїмо», — café Müller 😀 слухав.";
    const after = "Вчора 😀😀 Зеленський сказав 🇺🇦🇺🇦: «Ми вистоїмо», — café Müller 😀 уважно слухав.";
    const names = ["Зеленський", "«Ми вистоїмо»", "café Müller 😀", "слухав"];
    const anchors = names.map((name) => anchorOn(before, name));
    const results = reanchorAll(before, after, anchors);
    expect(results.map((result) => covered(after, result))).toEqual(names);
    expect(results.map((result) => result.status)).toEqual(names.map(() => "anchored"));
    expect(results.map((result) => result.start)).toEqual(names.map((name) => after.indexOf(name)));
  });

  it("updates a quote whose emoji was replaced inside the range", () => {
    const before = "Він сказав: мир 😀 близько.";
    const after = "Він сказав: мир 🙂 близько.";
    const result = reanchor(before, after, anchorOn(before, "мир 😀 близько"));
    expect(result).toMatchObject({ status: "anchored", quote: { exact: "мир 🙂 близько" } });
  });
});

describe("reanchorAll", () => {
  it("maps every anchor and keeps the caller's own fields, dropping a stale review reason", () => {
    const after = "On Monday, Stoltenberg said the alliance is strong; members will meet in Vilnius.";
    const anchors = [
      { id: "a", kind: "quote", ...anchorOn(TEXT, "Stoltenberg") },
      { id: "b", kind: "fact-check", ...anchorOn(TEXT, "Vilnius"), reason: "deleted" },
      { id: "c", kind: "note", ...anchorOn(TEXT, "members would meet") },
    ];
    const results = reanchorAll(TEXT, after, anchors);
    expect(results.map(({ id, kind, status }) => [id, kind, status])).toEqual([
      ["a", "quote", "anchored"],
      ["b", "fact-check", "anchored"],
      ["c", "note", "anchored"],
    ]);
    expect(covered(after, results[0])).toBe("Stoltenberg");
    expect(covered(after, results[1])).toBe("Vilnius");
    expect(covered(after, results[2])).toBe("members will meet");
    expect(results[1]).not.toHaveProperty("reason");
  });

  it("returns nothing for no anchors", () => {
    expect(reanchorAll(TEXT, "", [])).toEqual([]);
  });
});

describe("heavily edited paragraphs", () => {
  const before =
    "NATO leaders met on Tuesday. Stoltenbreg said NATO is strnog, and that NATO would meet again in Vilnius next summer.";
  const after =
    "After two days of closed-door talks with their defence ministers, NATO leaders met the press. Stoltenberg said NATO " +
    "is strong, and that NATO would meet again in the Lithuanian capital, Vilnius, in July of next year.";

  it("still map repeated mentions in unchanged words exactly, where a search would find several", () => {
    const second = anchorOn(before, "NATO", 1);
    const third = anchorOn(before, "NATO", 2);
    const [a, b] = reanchorAll(before, after, [second, third]);
    expect(a).toMatchObject({ status: "anchored", start: after.indexOf("NATO is") });
    expect(b).toMatchObject({ status: "anchored", start: after.indexOf("NATO would") });
  });

  it("still follow a typo fix inside the quote, even one inside a single word", () => {
    const result = reanchor(before, after, anchorOn(before, "NATO is strnog"));
    expect(result).toMatchObject({ status: "anchored", quote: { exact: "NATO is strong" } });
    const name = reanchor(before, after, anchorOn(before, "Stoltenbreg"));
    expect(name).toMatchObject({ status: "anchored", quote: { exact: "Stoltenberg" } });
  });

  it("extend a quote over words inserted inside it, and keep one that half survived", () => {
    const inside = reanchor(before, after, anchorOn(before, "again in Vilnius"));
    expect(covered(after, inside)).toBe("again in the Lithuanian capital, Vilnius");
    const half = reanchor(before, after, anchorOn(before, "next summer."));
    expect(half).toMatchObject({ status: "anchored", quote: { exact: "next year." } });
  });
});

/** About 2,000 characters of varied newsroom prose starting at sentence `from`. */
function paragraph(from: number): string {
  let text = "";
  for (let i = from; text.length < 2000; i++) text += `${NEWSROOM_SENTENCES[i % NEWSROOM_SENTENCES.length]} `;
  return text.slice(0, 2000);
}

describe("long paragraphs", () => {
  const before = paragraph(0);
  const anchors = [60, 400, 790, 1210, 1650].map((start) => ({
    start,
    end: start + 30,
    quote: quoteSelector(before, { start, end: start + 30 }),
  }));

  it("keeps every anchor of a 2,000-character paragraph after a typical edit", () => {
    const edited = before
      .replace("continue next week", "continue next week, according to officials,")
      .replace("cheap imports", "cheap grain imports")
      .replace("postponed", "postpnoed");
    const results = reanchorAll(before, edited, anchors);
    expect(results.map((result) => result.status)).toEqual(anchors.map(() => "anchored"));
    // Each anchor reads what its old words became (one of them took in the inserted words).
    for (const result of results) expect(edited.slice(result.start, result.end)).toBe(result.quote.exact);
  });

  it("marks every anchor of a completely rewritten 2,000-character paragraph as deleted", () => {
    // The same words in a different order: the character diff finds plenty in common, the quotes are gone.
    const rewritten = before.split(" ").reverse().join(" ");
    const results = reanchorAll(before, rewritten, anchors);
    expect(results.map((result) => result.reason)).toEqual(anchors.map(() => "deleted"));
  });

  it("sends the words of a huge rewritten paragraph to review as moved, without waiting for a full diff", () => {
    let seed = 7;
    const letters = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return "abcdefghijklmnopqrstuvwxyz "[seed % 27];
      }).join("");
    const before = `${letters(30_000)} UNIQUE QUOTE ${letters(30_000)}`;
    const after = `${letters(25_000)} UNIQUE QUOTE ${letters(25_000)}`;
    const anchor = anchorOn(before, "UNIQUE QUOTE");
    // Found once in the new text, but the diff gave up: where the words went is a person's call (candidates.ts).
    expect(reanchor(before, after, anchor)).toMatchObject({ status: "needs_review", reason: "moved" });
  });
});

describe("a rewritten end of the quoted words", () => {
  it("keeps whole words: the quote never ends or starts inside a word", () => {
    const before = "The coastal fleet gets the largest share it has ever had, and that is a promise.";
    const after = "The coastal fleet gets the largest share in a decade, and that is a promise.";
    const start = before.indexOf("the largest share it has ever had");
    const anchor = { start, end: start + "the largest share it has ever had".length };
    const result = reanchor(before, after, { ...anchor, quote: quoteSelector(before, anchor) });
    expect(result.status).toBe("anchored");
    expect(after.slice(result.start, result.end)).toBe("the largest share in a decade");
  });
});

describe("the rule: an annotation is on an occurrence of words, not on a string", () => {
  it("is never carried to another copy of its words when its own were deleted", () => {
    const before = "We’ve heard the question before, and we’ve answered it before.";
    const after = "We’ve heard the question, and we’ve answered it before.";
    expect(reanchor(before, after, anchorOn(before, "before"))).toMatchObject({
      status: "needs_review",
      reason: "deleted",
    });
  });

  it("is partly deleted when one of its words goes, but not when a typo fix drops a letter", () => {
    const before = "Stoltenberg said the alliance is very strong today.";
    const anchor = anchorOn(before, "the alliance is very strong");
    const withoutVery = "Stoltenberg said the alliance is strong today.";
    expect(reanchor(before, withoutVery, anchor)).toMatchObject({ status: "needs_review", reason: "partly_deleted" });
    const typo = "Stoltenberg said the alliance is veery strong today.";
    const fixed = reanchor(typo, before, anchorOn(typo, "the alliance is veery strong"));
    expect(fixed).toMatchObject({ status: "anchored", quote: { exact: "the alliance is very strong" } });
  });

  it("is ambiguous when a deleted repetition may have been its own words", () => {
    const before = "He said the the alliance is strong.";
    const after = "He said the alliance is strong.";
    expect(reanchor(before, after, anchorOn(before, "the", 0))).toMatchObject({
      status: "needs_review",
      reason: "ambiguous",
    });
    // The whole phrase is unharmed in every reading of the edit.
    expect(reanchor(before, after, anchorOn(before, "alliance is strong"))).toMatchObject({
      status: "anchored",
      start: after.indexOf("alliance"),
    });
  });

  it("is ambiguous when a copy of its words is inserted right beside them", () => {
    const before = "Sanctions work, she said.";
    const after = "Sanctions Sanctions work, she said.";
    expect(reanchor(before, after, anchorOn(before, "Sanctions"))).toMatchObject({
      status: "needs_review",
      reason: "ambiguous",
    });
  });

  it("stays on its own words when a copy of them is added elsewhere", () => {
    const before = "The minister said no. Later she said something else.";
    const after = "The minister said no. Later she said no, and then something else.";
    const result = reanchor(before, after, anchorOn(before, "no"));
    expect(result).toMatchObject({ status: "anchored", start: before.indexOf("no") });
  });

  it("follows a sentence that moved word for word and occurs once", () => {
    const before = "The committee meets at 10:30. Chloé Bérubé 🇨🇦 will chair it. Questions come after.";
    const after = "Chloé Bérubé 🇨🇦 will chair it. The committee meets at 10:30. Questions come after.";
    const result = reanchor(before, after, anchorOn(before, "Bérubé 🇨🇦 will"));
    expect(result).toMatchObject({ status: "anchored", start: after.indexOf("Bérubé") });
    expect(covered(after, result)).toBe("Bérubé 🇨🇦 will");
  });

  it("is moved, not re-attached, when the sentence that moved was also edited", () => {
    const before = "The committee meets at 10:30. Chloé Bérubé will chair it. Questions come after.";
    const after = "Chloé Bérubé will chair it, she said. The committee meets at 10:30. Questions come after.";
    expect(reanchor(before, after, anchorOn(before, "Bérubé will chair"))).toMatchObject({
      status: "needs_review",
      reason: "moved",
    });
  });

  it("keeps boundaries a person put inside a word, and widens only boundaries that fell between words", () => {
    const before = "Stoltenbreg said the alliance is strong.";
    const after = "Stoltenberg said the alliance is strong.";
    // "Stolten" of a misspelt name: the fix after it leaves the part the person chose.
    expect(covered(after, reanchor(before, after, anchorOn(before, "Stolten")))).toBe("Stolten");
  });
});
