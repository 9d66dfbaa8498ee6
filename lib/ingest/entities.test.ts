import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities";
import type { EntityType } from "./types";

describe("extractEntities", () => {
  it("normalises possessives and punctuation, and counts every mention", () => {
    const entities = extractEntities(
      "We support Ukraine’s sovereignty. Ukraine will prevail. Aid to Ukraine continues.",
    );
    expect(entities).toContainEqual({ type: "place", name: "Ukraine", mentions: 3 });
    expect(entities.map((entity) => entity.name)).not.toContain("Ukraine’s");
  });

  it("finds a person introduced by a job title, and counts the surname alone as the same person", () => {
    const entities = extractEntities(
      "This morning the defence minister Stepan Poltorak briefed Allies. Later, Poltorak met the press in Kyiv.",
    );
    expect(entities).toContainEqual({ type: "person", name: "Stepan Poltorak", mentions: 2 });
    expect(entities.map((entity) => entity.name)).not.toContain("Poltorak");
    expect(entities).toContainEqual({ type: "place", name: "Kyiv", mentions: 1 });
  });

  it("does not count a name found only inside a longer one", () => {
    const entities = extractEntities("The resolution of the UN Security Council stands, said the Allies.");
    expect(entities).toContainEqual({ type: "org", name: "UN Security Council", mentions: 1 });
    expect(entities.map((entity) => entity.name)).not.toContain("UN");
  });

  it("sorts by mentions, then by name", () => {
    const entities = extractEntities("Estonia and Latvia met Lithuania. Latvia agreed. Estonia agreed. Latvia paid.");
    expect(entities.map((entity) => [entity.name, entity.mentions])).toEqual([
      ["Latvia", 3],
      ["Estonia", 2],
      ["Lithuania", 1],
    ]);
  });

  it("reads acronyms as organisations, but not in all-capital captions", () => {
    expect(extractEntities("Forces from KFOR patrolled the border.")).toContainEqual({
      type: "org",
      name: "KFOR",
      mentions: 1,
    });
    expect(extractEntities("FORCES FROM KFOR PATROLLED THE BORDER.").map((entity) => entity.name)).not.toContain(
      "KFOR",
    );
  });

  it("finds nothing in text without names", () => {
    expect(extractEntities("we will meet again soon and talk about it.")).toEqual([]);
  });
});

describe("what only looks like a name", () => {
  const names = (text: string) => extractEntities(text).map((entity) => entity.name);

  it("is not an entity when it merely opens a sentence, in any language", () => {
    const found = names(
      "We support Ukraine. But the costs are high. However, we will continue. Mais la France reste engagée. " +
        "Aber Deutschland hilft. Але Україна вистоїть. Однак треба більше. Но Россия не остановится.",
    );
    for (const opener of ["But", "However", "Mais", "Aber", "Але", "Однак", "Но"]) expect(found).not.toContain(opener);
    expect(found).toContain("Ukraine");
  });

  it("is not an entity when it is a generic acronym", () => {
    const found = names(
      "The API is down, the CPU load is high and the CEO said GDP will grow. OK, that is on TV tonight. The API " +
        "and the CPU again, and the GPU too, the CEO said. NATO agreed.",
    );
    for (const acronym of ["API", "CPU", "GPU", "CEO", "GDP", "OK", "TV"]) expect(found).not.toContain(acronym);
    expect(found).toContain("NATO");
  });

  it("is not an entity when it is the letter that marks a question or an answer", () => {
    const found = names(
      "Q  Thank you. On Airbus, will the contract go ahead? A  Yes. Q: And TikTok? A: No. Q. One more on Airbus.",
    );
    expect(found).not.toContain("Q");
    expect(found).not.toContain("A");
    expect(found).not.toContain("Thank");
    expect(found).not.toContain("One");
  });

  it("is not an entity when it is a German noun, however often it recurs", () => {
    const found = names(
      "Wir haben heute über die Sicherheit an der Ostflanke gesprochen. Die Sicherheit Europas ist unsere " +
        "gemeinsame Aufgabe, und die Unterstützung der Ukraine bleibt stark. Wir sprechen über die Unterstützung " +
        "und über die Sicherheit in der Region, mit der Regierung in Warschau und der Regierung in Kyjiw.",
    );
    for (const noun of ["Sicherheit", "Unterstützung", "Regierung", "Ostflanke"]) expect(found).not.toContain(noun);
  });
});

describe("product and company names", () => {
  it("are entities when they recur or are written like brands", () => {
    const entities = extractEntities(
      "We spoke to the people who run ChatGPT at OpenAI. They told us that OpenAI will answer the questions about " +
        "ChatGPT next week. The tanker contract went to Airbus, and the Pentagon said Airbus will deliver in 2027. " +
        "Lawmakers want TikTok sold; the owners of TikTok refuse. Europe no longer needs Nord Stream 2, and the " +
        "damage to Nord Stream 2 is under investigation.",
    );
    for (const name of ["ChatGPT", "OpenAI", "Airbus", "TikTok", "Nord Stream 2", "Pentagon"]) {
      expect(entities, name).toContainEqual({ type: "org", name, mentions: expect.any(Number) });
    }
    expect(entities.find((entity) => entity.name === "Nord Stream 2")?.mentions).toBe(2);
    expect(entities.map((entity) => entity.name)).not.toContain("Nord Stream");
  });

  it("are not taken for a person when a sentence opens with a word that is also a first name", () => {
    const found = extractEntities("Senator Hawley asked again. Will ChatGPT be used in the election? ChatGPT is big.");
    expect(found.map((entity) => entity.name)).not.toContain("Will ChatGPT");
    expect(found).toContainEqual({ type: "person", name: "Hawley", mentions: 1 });
  });
});

/** A labelled paragraph: its text and the entities a reporter would expect listed for it. */
interface LabelledDocument {
  source: string;
  language: string;
  paragraphs: { text: string; entities: Partial<Record<EntityType, string[]>> }[];
}

const LABELLED = path.join(import.meta.dirname, "fixtures", "entities");

/**
 * Precision and recall of the names found, over a labelled set of press conferences, briefings, a hearing and
 * interviews (English, plus French and Ukrainian). Each document is extracted whole, as the pipeline does, since
 * recurrence and surname merging work across paragraphs; a name counts when found at all, whatever its type.
 */
function scoreLabelledSet() {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let rightType = 0;
  const mistakes: string[] = [];
  const files = fs.readdirSync(LABELLED).filter((file) => file.endsWith(".json"));
  let paragraphs = 0;
  for (const file of files) {
    const document = JSON.parse(fs.readFileSync(path.join(LABELLED, file), "utf8")) as LabelledDocument;
    paragraphs += document.paragraphs.length;
    const expected = new Map<string, EntityType>();
    for (const paragraph of document.paragraphs) {
      for (const [type, names] of Object.entries(paragraph.entities) as [EntityType, string[]][]) {
        for (const name of names) expected.set(name, type);
      }
    }
    const found = extractEntities(document.paragraphs.map((paragraph) => paragraph.text).join("\n\n"));
    for (const entity of found) {
      const type = expected.get(entity.name);
      if (type === undefined) {
        falsePositives++;
        mistakes.push(`${file}: extra ${entity.name}`);
      } else {
        truePositives++;
        if (type === entity.type) rightType++;
      }
    }
    for (const name of expected.keys()) {
      if (!found.some((entity) => entity.name === name)) {
        falseNegatives++;
        mistakes.push(`${file}: missed ${name}`);
      }
    }
  }
  return {
    files: files.length,
    paragraphs,
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    typeAccuracy: rightType / truePositives,
    mistakes,
  };
}

describe("entities on the labelled set", () => {
  it("keep precision and recall above their floors", () => {
    const score = scoreLabelledSet();
    console.info(
      `entities: ${score.files} documents, ${score.paragraphs} paragraphs; precision ${score.precision.toFixed(3)}, ` +
        `recall ${score.recall.toFixed(3)}, right type ${score.typeAccuracy.toFixed(3)}\n  ${score.mistakes.join("\n  ")}`,
    );
    expect(score.paragraphs).toBeGreaterThanOrEqual(30);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.93);
    expect(score.typeAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
