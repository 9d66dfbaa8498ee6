import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, MAX_QUERY_PARTS, describeQuery, isEmptyQuery, parseQuery } from "@/lib/search/query";
import { matchExpression } from "@/lib/search/sqlite/fts5";

describe("parseQuery", () => {
  it("reads words and quoted phrases, lower-cased", () => {
    const query = parseQuery('Sanctions "Sea of Azov"');
    expect(query.parts).toEqual([
      { words: ["sanctions"], prefix: false },
      { words: ["sea", "of", "azov"], prefix: false },
    ]);
    expect(describeQuery(query)).toBe('sanctions "sea of azov"');
  });

  it("keeps a trailing * as a prefix search on one word", () => {
    expect(parseQuery("sanction*").parts).toEqual([{ words: ["sanction"], prefix: true }]);
    expect(matchExpression(parseQuery("sanction*"))).toBe('"sanction"*');
  });

  it("takes FTS5 syntax as plain text, so no query can break the engine", () => {
    for (const input of ["NEAR(a b", "title:secret", "a AND OR NOT b", "^start", "+x -y", '"unclosed phrase', "a*b*"]) {
      const expression = matchExpression(parseQuery(input));
      // Every part is a quoted string: only "…" and a trailing * reach FTS5.
      expect(expression).toMatch(/^("[^"]*"\*? ?)+$/);
    }
    expect(parseQuery("NEAR(a b").parts.map((part) => part.words)).toEqual([["near"], ["a"], ["b"]]);
  });

  it("splits words the way the tokenizer does: hyphens, apostrophes and dots outside quotes", () => {
    expect(parseQuery("U.S.-Russia don't").parts.map((part) => part.words)).toEqual([
      ["u"],
      ["s"],
      ["russia"],
      ["don"],
      ["t"],
    ]);
  });

  it("keeps words in other scripts whole", () => {
    expect(parseQuery("Азовское море").parts.map((part) => part.words)).toEqual([["азовское"], ["море"]]);
    expect(parseQuery("नमस्ते दुनिया").parts.map((part) => part.words[0])).toEqual(["नमस्ते", "दुनिया"]);
  });

  it("treats empty, blank and punctuation-only input as no query", () => {
    for (const input of ["", "   ", '""', "*", "(((", "!!! ??? ---", null, undefined])
      expect(isEmptyQuery(parseQuery(input))).toBe(true);
  });

  it("cuts very long input and too many terms, and says so", () => {
    const long = parseQuery("defence ".repeat(10_000));
    expect(long.truncated).toBe(true);
    expect(long.parts).toEqual([{ words: ["defence"], prefix: false }]);
    const many = parseQuery(Array.from({ length: 40 }, (_, index) => `word${index}`).join(" "));
    expect(many.truncated).toBe(true);
    expect(many.parts).toHaveLength(MAX_QUERY_PARTS);
    expect(parseQuery("x".repeat(MAX_QUERY_LENGTH)).truncated).toBe(false);
  });

  it("escapes a double quote inside a phrase", () => {
    expect(matchExpression({ parts: [{ words: ['a"b'], prefix: false }], truncated: false })).toBe('"a""b"');
  });
});
