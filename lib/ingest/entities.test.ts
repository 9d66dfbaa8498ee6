import { describe, expect, it } from "vitest";
import { extractEntities } from "./entities";

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
