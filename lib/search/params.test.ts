import { describe, expect, it } from "vitest";
import { MAX_SEARCH_PAGE, parseDay, parseSearchParams, searchHref } from "@/lib/search/params";

describe("parseSearchParams", () => {
  it("reads the query, filters and page", () => {
    const { request, errors } = parseSearchParams(
      new URLSearchParams(
        "q=%22sea+of+azov%22&speaker=jens-stoltenberg&topic=inf-treaty&outlet=Reuters&from=2019-01-01&to=2019-12-31&page=2",
      ),
    );
    expect(errors).toEqual({});
    expect(request).toMatchObject({
      speaker: "jens-stoltenberg",
      topic: "inf-treaty",
      outlet: "Reuters",
      from: new Date("2019-01-01T00:00:00Z"),
      to: new Date("2019-12-31T00:00:00Z"),
      page: 2,
    });
    expect(request.query.parts).toEqual([{ words: ["sea", "of", "azov"], prefix: false }]);
  });

  it("explains a bad date or page and searches without it", () => {
    const { request, errors } = parseSearchParams({ q: "nato", from: "14/02/2019", to: "2019-02-30", page: "-3" });
    expect(errors.from).toMatch(/YYYY-MM-DD/);
    expect(errors.to).toMatch(/not a date/);
    expect(errors.page).toMatch(/whole number/);
    expect(request).toMatchObject({ from: null, to: null, page: 1 });
    expect(parseSearchParams({ page: String(MAX_SEARCH_PAGE + 1) }).errors.page).toMatch(/narrow/);
  });

  it("swaps a range given the wrong way round", () => {
    const { request } = parseSearchParams({ from: "2020-01-01", to: "2019-01-01" });
    expect(request.from?.toISOString().slice(0, 10)).toBe("2019-01-01");
    expect(request.to?.toISOString().slice(0, 10)).toBe("2020-01-01");
  });

  it("takes the first of repeated parameters and ignores blank ones", () => {
    expect(parseSearchParams({ q: ["one", "two"], speaker: "  " }).values).toEqual({ q: "one" });
  });
});

describe("parseDay and searchHref", () => {
  it("accepts only real calendar days", () => {
    expect(parseDay("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseDay("2023-02-29")).toBeNull();
    expect(parseDay("2023-2-1")).toBeNull();
  });

  it("keeps the other parameters when one changes, and drops page 1", () => {
    expect(searchHref("/search", { q: "sea of azov", speaker: "x", page: "3" }, { page: "1" })).toBe(
      "/search?q=sea+of+azov&speaker=x",
    );
    expect(searchHref("/search", { q: "a" }, { q: undefined })).toBe("/search");
  });
});
