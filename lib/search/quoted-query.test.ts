import { describe, expect, it } from "vitest";
import { parseQuery } from "./query";
import { quoteQuery } from "./quoted-query";

describe("quoteQuery", () => {
  it("quotes a phrase alone once, not a quote inside a quote", () => {
    expect(quoteQuery(parseQuery('"resolute support mission"'))).toBe("“resolute support mission”");
    // An unclosed quote is a phrase too.
    expect(quoteQuery(parseQuery('"Resolute Support mission'))).toBe("“resolute support mission”");
  });

  it("puts a phrase among other words in single quotes inside the double ones", () => {
    expect(quoteQuery(parseQuery('"sea of azov" sanctions'))).toBe("“‘sea of azov’ sanctions”");
    expect(quoteQuery(parseQuery('"sea of azov" "black sea"'))).toBe("“‘sea of azov’ ‘black sea’”");
  });

  it("quotes words and prefixes as they were typed", () => {
    expect(quoteQuery(parseQuery("nato sanct*"))).toBe("“nato sanct*”");
    expect(quoteQuery(parseQuery('"nato"'))).toBe("“nato”");
  });

  it("is empty without words", () => {
    expect(quoteQuery(parseQuery(""))).toBe("");
    expect(quoteQuery(parseQuery('" "'))).toBe("");
  });
});
