import { describe, expect, it } from "vitest";
import { readFrontMatter } from "./front-matter";

describe("readFrontMatter", () => {
  it("reads YAML front matter with keys in other languages", () => {
    const cases: [string, string][] = [
      ["titre: Conférence\ndate: 2024-03-14\nlieu: Toulon\nlien: x", "fr"],
      ["Titel: Conférence\nDatum: 2024-03-14\nOrt: Toulon", "de"],
      ["título: Conférence\nfecha: 2024-03-14\nlugar: Toulon", "es"],
      ["название: Conférence\nдата: 2024-03-14\nместо: Toulon", "ru"],
      ["назва: Conférence\nдата: 2024-03-14\nмісце: Toulon", "uk"],
      ["title: Conférence\ndate: 2024-03-14T11:00:00+01:00\nlocation: Toulon", "en"],
    ];
    for (const [body, language] of cases) {
      const block = readFrontMatter(`---\n${body}\n---\nGood morning.\n`);
      expect(block?.fields, language).toEqual({
        title: "Conférence",
        date: "2024-03-14",
        place: "Toulon",
        sourceUrl: null,
      });
      expect(block?.lineCount).toBe(body.split("\n").length + 2);
    }
  });

  it("reads TOML front matter, its dates and a nested place, and prefers an absolute source URL", () => {
    const block = readFrontMatter(
      [
        "+++",
        'title = "Town hall"',
        "date = 2023-11-09T18:30:00+01:00",
        'url = "/aktuelles/town-hall/"',
        'source = "Federal Press Office"',
        'quelle = "https://www.bundesregierung.de/town-hall"',
        "[params]",
        '  ort = "Leipzig"',
        "+++",
        "Guten Abend.",
      ].join("\n"),
    );
    expect(block).toMatchObject({ syntax: "toml", lineCount: 9, warning: null });
    expect(block?.fields).toEqual({
      title: "Town hall",
      date: "2023-11-09",
      place: "Leipzig",
      sourceUrl: "https://www.bundesregierung.de/town-hall",
    });
  });

  it("reads a written-out date", () => {
    expect(readFrontMatter("---\ndate: March 8, 2024\n---\n")?.fields?.date).toBe("2024-03-08");
  });

  it("reports a broken block as a warning and still knows where it ends", () => {
    const block = readFrontMatter('---\ntitle: "Unclosed\ndate: [2024\n---\nGood morning.\n');
    expect(block).toMatchObject({ syntax: "yaml", lineCount: 4, fields: null });
    expect(block?.warning).toMatch(/^The YAML front matter on lines 1–4 could not be read \(.+\)/);
  });

  it("is not fooled by rules around prose or a file that only starts with a rule", () => {
    expect(readFrontMatter("---\nWe met in Riga. It went well.\n---\nThank you.\n")).toBeNull();
    expect(readFrontMatter("---\nMODERATOR: Good morning, everyone.\n---\nQ: Thank you.\n")).toBeNull();
    expect(readFrontMatter("---\ntitle: never closed\nGood morning.\n")).toBeNull();
    expect(readFrontMatter("Good morning.\n---\ntitle: x\n---\n")).toBeNull();
  });
});
