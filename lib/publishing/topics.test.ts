import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/anchoring/test-support";
import { nameSlug } from "@/lib/publishing/slugs";
import { publicEntities, tagTopicId } from "@/lib/publishing/topics";
import type { PublishedEntity } from "@/lib/publishing/types";

describe("publicEntities: tags and accepted topic entities are one idea", () => {
  it("makes a tag the topic an accepted entity of the same slug already is, and other tags topics of their own", () => {
    const entities: PublishedEntity[] = [
      { id: "e1", type: "TOPIC", name: "Kosovo", mentionCount: 4 },
      { id: "e2", type: "PLACE", name: "Kosovo", mentionCount: 4 },
      { id: "e3", type: "PERSON", name: "Jens Stoltenberg", mentionCount: 9 },
    ];
    const result = publicEntities({ entities, tags: ["kosovo", "Sea of Azov", "Sea of  Azov", "  ", "Україна"] });
    expect(result).toEqual([
      { id: "e1", type: "TOPIC", name: "Kosovo", mentionCount: 4, slug: "kosovo" },
      // The same name as a place is a different page (/places/kosovo).
      { id: "e2", type: "PLACE", name: "Kosovo", mentionCount: 4, slug: "kosovo" },
      { id: "e3", type: "PERSON", name: "Jens Stoltenberg", mentionCount: 9, slug: "jens-stoltenberg" },
      { id: "tag:sea-of-azov", type: "TOPIC", name: "Sea of Azov", mentionCount: 0, slug: "sea-of-azov" },
      { id: "tag:ukrayina", type: "TOPIC", name: "Україна", mentionCount: 0, slug: "ukrayina" },
    ]);
  });

  it("property: every entity and tag with a slug gets exactly one page per type and slug, entities first", () => {
    const names = [
      "NATO",
      "nato",
      "Nato!",
      "INF Treaty",
      "inf treaty",
      "Україна",
      "Kosovo 2019",
      "习近平",
      "--",
      "2 %",
    ];
    const types = ["TOPIC", "PLACE", "ORG"] as const;
    for (let seed = 1; seed <= 300; seed++) {
      const random = mulberry32(seed);
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const entities: PublishedEntity[] = Array.from({ length: Math.floor(random() * 7) }, (_, index) => ({
        id: `e${index}`,
        type: pick(types),
        name: pick(names),
        mentionCount: Math.floor(random() * 20),
      }));
      const tags = Array.from({ length: Math.floor(random() * 7) }, () => pick(names));
      const result = publicEntities({ entities, tags });
      // Oracle: the set of (type, slug) pairs, computed directly from the inputs.
      const expected = new Set<string>();
      for (const e of entities) if (nameSlug(e.name)) expected.add(`${e.type}:${nameSlug(e.name)}`);
      for (const tag of tags) if (nameSlug(tag.trim())) expected.add(`TOPIC:${nameSlug(tag.trim())}`);
      const keys = result.map((e) => `${e.type}:${e.slug}`);
      expect(new Set(keys), `seed ${seed}`).toEqual(expected);
      expect(keys.length, `seed ${seed}`).toBe(expected.size);
      for (const e of result) {
        const first = entities.find((candidate) => candidate.type === e.type && nameSlug(candidate.name) === e.slug);
        // The first entity with the slug wins over later ones and over tags; a tag's own row has the tag's id.
        expect(e.id, `seed ${seed}`).toBe(first ? first.id : tagTopicId(e.slug));
      }
    }
  });
});
