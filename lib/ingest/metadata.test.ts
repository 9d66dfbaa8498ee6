import { describe, expect, it } from "vitest";
import { cleanTitle, detectLanguage, findDate, findEventDate, findPlace, titleFromFilename } from "./metadata";

describe("cleanTitle", () => {
  it("drops a trailing date and full stop", () => {
    expect(
      cleanTitle(
        "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers, 14 February 2019.",
      ),
    ).toBe(
      "Press conference by NATO Secretary General Jens Stoltenberg following the meetings of NATO Defence Ministers",
    );
    expect(cleanTitle("Doorstep statement on 3 March 2021")).toBe("Doorstep statement");
  });

  it("keeps a date inside the title, and the stop of an abbreviation", () => {
    expect(cleanTitle("The 14 February 2019 meeting of ministers")).toBe("The 14 February 2019 meeting of ministers");
    expect(cleanTitle("Talks with the U.S.")).toBe("Talks with the U.S.");
  });
});

describe("dates", () => {
  it("reads a complete written date", () => {
    expect(findDate("Brussels, 14 February 2019")).toBe("2019-02-14");
    expect(findDate("on February 14, 2019")).toBe("2019-02-14");
    expect(findDate("2019-02-14")).toBe("2019-02-14");
  });

  it("ignores relative and incomplete dates", () => {
    expect(findDate("Earlier today we met. This morning we agreed.")).toBeNull();
    expect(findDate("We meet in April.")).toBeNull();
    expect(findDate("On 14 February we met.")).toBeNull();
  });

  it("falls back to a date in the file name", () => {
    expect(findEventDate(["Good afternoon."], "nato-presser-2019-02-14.srt")).toBe("2019-02-14");
    expect(findEventDate(["Good afternoon."], "captions.srt")).toBeNull();
  });
});

describe("titleFromFilename", () => {
  it("humanises the name without its extension and date", () => {
    expect(titleFromFilename("nato-press-conference_2019-02-14.srt")).toBe("Nato press conference");
    expect(titleFromFilename("pasted.txt")).toBeNull();
  });
});

describe("findPlace", () => {
  it("reads a dateline", () => {
    expect(findPlace(null, ["BRUSSELS, 14 February 2019"])).toBe("Brussels");
  });

  it("reads “in Place” and a place between commas in the title", () => {
    expect(findPlace("Press conference in Vilnius", [])).toBe("Vilnius");
    expect(findPlace("Press conference, Madrid, 30 June 2022", [])).toBe("Madrid");
  });

  it("does not take a place merely mentioned in the speech", () => {
    expect(findPlace("Press conference", ["We discussed the situation in Ukraine."])).toBeNull();
  });
});

describe("detectLanguage", () => {
  it("answers in ISO 639-1", async () => {
    expect(
      await detectLanguage("We have just finished the last working session of the Defence Ministerial meeting."),
    ).toBe("en");
    expect(
      await detectLanguage(
        "Nous venons de terminer la dernière séance de travail de la réunion des ministres de la Défense.",
      ),
    ).toBe("fr");
  });

  it("says nothing about text too short to tell", async () => {
    expect(await detectLanguage("Thank you.")).toBeNull();
  });
});
