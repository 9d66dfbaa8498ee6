import { describe, expect, it } from "vitest";
import { excerpt, snippetHtml, snippetRuns } from "@/lib/search/snippets";

const markers = { markOpen: "[", markClose: "]" };

describe("snippetRuns", () => {
  it("splits marked and plain text, joining a marked phrase into one run", () => {
    expect(snippetRuns("…near the [Sea] [of] [Azov] today", markers)).toEqual([
      { text: "…near the ", marked: false },
      { text: "Sea of Azov", marked: true },
      { text: " today", marked: false },
    ]);
  });

  it("keeps words apart when text other than spaces stands between them", () => {
    expect(snippetRuns("[sea], [azov]", markers)).toEqual([
      { text: "sea", marked: true },
      { text: ", ", marked: false },
      { text: "azov", marked: true },
    ]);
  });

  it("renders escaped HTML with <mark>", () => {
    expect(snippetHtml(snippetRuns('a <b> & "[c]"', markers))).toBe("a &#60;b&#62; &#38; &#34;<mark>c</mark>&#34;");
  });
});

describe("excerpt", () => {
  it("keeps short paragraphs whole and cuts long ones with an ellipsis", () => {
    expect(excerpt("one  two\nthree")).toBe("one two three");
    expect(excerpt("a b c d e", 3)).toBe("a b c…");
  });
});
