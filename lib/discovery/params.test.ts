import { describe, expect, it } from "vitest";
import {
  archiveHref,
  entityPath,
  indexLetter,
  pagedHref,
  parseDateRange,
  parseIndexSlug,
  parseIsoDate,
  parsePageParam,
} from "@/lib/discovery/params";

describe("page numbers", () => {
  it("reads an absent page as the first and refuses anything that is not a positive whole number", () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("")).toBe(1);
    expect(parsePageParam("3")).toBe(3);
    for (const bad of ["0", "-1", "2.5", "abc", "01", "1e3", "9999999"]) expect(parsePageParam(bad), bad).toBeNull();
    expect(parsePageParam(["1", "2"])).toBeNull();
  });
});

describe("archive dates", () => {
  it("accepts real calendar days only", () => {
    expect(parseIsoDate("2019-02-14")?.toISOString()).toBe("2019-02-14T00:00:00.000Z");
    expect(parseIsoDate("2024-02-29")).not.toBeNull();
    for (const bad of ["2023-02-29", "2019-13-01", "2019-2-14", "14/02/2019", "yesterday", "2019-02-14T00:00"])
      expect(parseIsoDate(bad), bad).toBeNull();
  });

  it("takes an open or closed range and explains a wrong one instead of failing", () => {
    expect(parseDateRange(undefined, undefined)).toEqual({ ok: true, range: { from: null, to: null } });
    expect(parseDateRange("2019-01-01", "")).toEqual({ ok: true, range: { from: "2019-01-01", to: null } });
    expect(parseDateRange(" 2019-01-01 ", "2019-01-01")).toEqual({
      ok: true,
      range: { from: "2019-01-01", to: "2019-01-01" },
    });

    const invalid = parseDateRange("2019-02-30", "soon");
    expect(invalid.ok).toBe(false);
    expect(invalid).toMatchObject({ range: { from: null, to: null } });
    expect(!invalid.ok && invalid.message).toMatch(/“2019-02-30” is not a date and “soon” is not a date/);

    const reversed = parseDateRange("2020-01-02", "2020-01-01");
    expect(!reversed.ok && reversed.message).toMatch(/start date is after the end date/);
    expect(parseDateRange(["2019-01-01", "2019-02-01"], undefined).ok).toBe(true);
  });

  it("builds archive addresses that keep the filter and leave out the defaults", () => {
    expect(archiveHref(1, { from: null, to: null })).toBe("/transcripts");
    expect(archiveHref(2, { from: null, to: null })).toBe("/transcripts?page=2");
    expect(archiveHref(3, { from: "2019-01-01", to: "2019-12-31" })).toBe(
      "/transcripts?from=2019-01-01&to=2019-12-31&page=3",
    );
    expect(pagedHref("/speakers/jens-stoltenberg", 1)).toBe("/speakers/jens-stoltenberg");
    expect(pagedHref("/speakers/jens-stoltenberg", 2)).toBe("/speakers/jens-stoltenberg?page=2");
  });
});

describe("addresses and letters", () => {
  it("files each entity type under its own folder", () => {
    expect(entityPath("TOPIC", "defence-spending")).toBe("/topics/defence-spending");
    expect(entityPath("PERSON", "federica-mogherini")).toBe("/people/federica-mogherini");
    expect(entityPath("ORG", "nato")).toBe("/organisations/nato");
    expect(entityPath("PLACE", "kosovo")).toBe("/places/kosovo");
  });

  it("files a name under its first letter without accents, and anything else under #", () => {
    expect(indexLetter("Jens Stoltenberg")).toBe("J");
    expect(indexLetter("émile Zola")).toBe("E");
    expect(indexLetter("Åsa Larsson")).toBe("A");
    expect(indexLetter("习近平")).toBe("#");
    expect(indexLetter("50 Cent")).toBe("#");
  });
});

describe("speaker and entity slugs from the address", () => {
  it("accepts the slugs names make, in any script, and refuses anything else without a lookup", () => {
    expect(parseIndexSlug("jens-stoltenberg")).toBe("jens-stoltenberg");
    expect(parseIndexSlug("习近平")).toBe("习近平");
    expect(parseIndexSlug(encodeURIComponent("习近平"))).toBe("习近平");
    for (const bad of ["Jens", "-jens", "jens--stoltenberg", "jens_s", "a b", "%E0%A4%A", "x".repeat(201), ""])
      expect(parseIndexSlug(bad), bad).toBeNull();
  });
});
