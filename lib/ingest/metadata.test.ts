import { describe, expect, it } from "vitest";
import { cleanTitle, detectLanguage, findDate, findEventDate, findPlace, titleFromFilename } from "./metadata";
import { ingestFixture, speechOf } from "./test-support/fixtures";

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

describe("dates in other languages", () => {
  it("reads the datelines of French, German, Spanish, Russian and Ukrainian transcripts", () => {
    const datelines: [string, string][] = [
      ["Bruxelles, le 14\u00a0février 2019", "2019-02-14"],
      ["Paris, le 1er mars 2024", "2024-03-01"],
      ["Berlin, 3. März 2024", "2024-03-03"],
      ["Berlin, den 16. Februar 2024", "2024-02-16"],
      ["Madrid, 12 de marzo de 2024", "2024-03-12"],
      ["Madrid, martes 12 de marzo de 2024", "2024-03-12"],
      ["Москва, 5 марта 2024 года", "2024-03-05"],
      ["5 марта 2024 г., Кремль", "2024-03-05"],
      ["Київ, 24 лютого 2023 року", "2023-02-24"],
      ["24 лютого 2023 р. – 12:00", "2023-02-24"],
    ];
    for (const [line, date] of datelines) expect(findDate(line), line).toBe(date);
  });

  it("reads a date at the end of a title in any of them", () => {
    expect(
      findEventDate(
        [
          "Déclaration de M. Emmanuel Macron, président de la République, sur le soutien à l’Ukraine, à Paris le 26 février 2024.",
        ],
        "declaration.txt",
      ),
    ).toBe("2024-02-26");
    expect(
      findEventDate(["Pressestatements von Bundeskanzler Scholz am 16. Februar 2024 in Berlin"], "mitschrift.txt"),
    ).toBe("2024-02-16");
  });

  it("reads a numeric date the way the transcript’s language writes it", () => {
    expect(findEventDate(["Point de presse du 03/04/2024"], "point.txt", "fr")).toBe("2024-04-03");
    expect(findEventDate(["Press briefing, 03/04/2024"], "briefing.txt", "en")).toBe("2024-03-04");
  });

  it("still ignores relative and incomplete dates", () => {
    expect(findDate("Aujourd’hui, nous avons parlé de l’Ukraine. Le 14 février, nous nous reverrons.")).toBeNull();
    expect(findDate("Heute haben wir lange gesprochen.", "de")).toBeNull();
    expect(findDate("Сегодня мы встретились.", "ru")).toBeNull();
  });
});

describe("places in other languages", () => {
  it("reads the place of a dateline, capitals and Cyrillic included", () => {
    expect(findPlace(null, ["Bruxelles, le 14 février 2019"])).toBe("Bruxelles");
    expect(findPlace(null, ["Berlin, 3. März 2024"])).toBe("Berlin");
    expect(findPlace(null, ["Madrid, martes 12 de marzo de 2024"])).toBe("Madrid");
    expect(findPlace(null, ["МОСКВА, 5 марта 2024 г."])).toBe("Москва");
    expect(findPlace(null, ["Київ, 24 лютого 2023 року"])).toBe("Київ");
  });

  it("reads a dateline written date first, when it names a known place", () => {
    expect(findPlace(null, ["5 марта 2024 года, Москва, Кремль"])).toBe("Москва");
    expect(findPlace(null, ["24 лютого 2023 року, Київ"])).toBe("Київ");
    expect(findPlace(null, ["24 лютого 2023 року, Пане міністре, дякую"])).toBeNull();
  });

  it("reads “in Place” in a title in each language, the Russian and Ukrainian locative as the place’s name", () => {
    expect(findPlace("Déclaration du Premier ministre, à Bruxelles", [])).toBe("Bruxelles");
    expect(findPlace("Pressestatements von Bundeskanzler Scholz in Berlin", [])).toBe("Berlin");
    expect(findPlace("Rueda de prensa del presidente del Gobierno en Madrid", [])).toBe("Madrid");
    expect(findPlace("Пресс-конференция министра иностранных дел в Москве", [])).toBe("Москва");
    expect(findPlace("Брифінг Міністра закордонних справ у Києві", [])).toBe("Київ");
  });

  it("does not take a place merely mentioned in the speech", () => {
    expect(findPlace("Conférence de presse", ["Nous avons parlé de la situation à Kyïv."])).toBeNull();
    expect(findPlace("Брифінг", ["Ми говорили про ситуацію у Києві."])).toBeNull();
  });
});

describe("cleanTitle in other languages", () => {
  it("drops a trailing date and its linking word", () => {
    expect(cleanTitle("Conférence de presse du Premier ministre, Paris, le 14 février 2019.")).toBe(
      "Conférence de presse du Premier ministre, Paris",
    );
    expect(cleanTitle("Пресс-конференция министров иностранных дел, 5 марта 2024 года")).toBe(
      "Пресс-конференция министров иностранных дел",
    );
  });
});

describe("transcripts in six languages", () => {
  const cases: { file: string; title: string; date: string; place: string; language: string }[] = [
    {
      file: "en-pm-remarks.txt",
      title: "PM remarks at press conference in Vilnius",
      date: "2023-07-12",
      place: "Vilnius",
      language: "en",
    },
    {
      file: "fr-conference-de-presse.txt",
      title: "Conférence de presse conjointe de la ministre des Armées et du ministre estonien de la Défense",
      date: "2019-02-14",
      place: "Bruxelles",
      language: "fr",
    },
    {
      file: "de-pressekonferenz.txt",
      title: "Pressekonferenz von Bundeskanzler Scholz und Ministerpräsident Tusk",
      date: "2024-03-03",
      place: "Berlin",
      language: "de",
    },
    {
      file: "es-rueda-de-prensa.txt",
      title: "Rueda de prensa del presidente del Gobierno tras su reunión con el primer ministro de Portugal",
      date: "2024-03-12",
      place: "Madrid",
      language: "es",
    },
    {
      file: "ru-press-konferentsiya.txt",
      title: "Пресс-конференция по итогам переговоров министров иностранных дел",
      date: "2024-03-05",
      place: "Москва",
      language: "ru",
    },
    {
      file: "uk-bryfinh.txt",
      title: "Брифінг Міністра закордонних справ України та Генерального секретаря НАТО",
      date: "2023-02-24",
      place: "Київ",
      language: "uk",
    },
  ];

  for (const { file, title, date, place, language } of cases) {
    it(`finds the title, date, place and language of ${file}, and keeps the dateline out of speech`, async () => {
      const result = await ingestFixture(`languages/${file}`);
      expect(result.title).toBe(title);
      expect(result.occurredAt).toBe(date);
      expect(result.place).toBe(place);
      expect(result.language).toBe(language);
      const datelineRemoved = result.removed.some((line) => line.text.includes(place));
      if (!file.startsWith("en-")) expect(datelineRemoved, "dateline listed as removed").toBe(true);
      expect(speechOf(result).split("\n")[0]).not.toMatch(/^(?:\p{Lu}[\p{L}-]+, )?(?:le |den )?\d/u);
    });
  }
});
