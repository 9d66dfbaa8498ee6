// One idea of a topic. A tag typed in Details and an accepted topic entity (suggested by intake or tagged on the
// words) are the same thing to a reader: a topic with a page at /topics/<slug>, a category in the feeds and a search
// filter. The public index and the reading page both take a transcript's topics from here.
import { nameSlug } from "@/lib/publishing/slugs";
import type { PublishedEntity, PublishedSnapshot } from "@/lib/publishing/types";

export interface PublicEntity extends PublishedEntity {
  /** The page's slug: `/topics/<slug>`, `/people/<slug>`… Never empty. */
  slug: string;
}

/** The id a tag's topic row carries when no accepted topic entity has its name: stable across publications. */
export function tagTopicId(slug: string): string {
  return `tag:${slug}`;
}

/**
 * The transcript's accepted entities and its tags, each once: a tag whose slug an accepted topic entity already has
 * is that topic (the entity's name and mention count win); two tags with one slug ("Kosovo", "kosovo") are one.
 * Names with no slug have no page and are left out.
 */
export function publicEntities(snapshot: Pick<PublishedSnapshot, "entities" | "tags">): PublicEntity[] {
  const seen = new Set<string>();
  const result: PublicEntity[] = [];
  const add = (entity: PublishedEntity) => {
    const slug = nameSlug(entity.name);
    const key = `${entity.type}:${slug}`;
    if (!slug || seen.has(key)) return;
    seen.add(key);
    result.push({ ...entity, slug });
  };
  for (const entity of snapshot.entities) add(entity);
  for (const tag of snapshot.tags) {
    const name = tag.trim();
    if (name) add({ id: tagTopicId(nameSlug(name)), type: "TOPIC", name, mentionCount: 0 });
  }
  return result;
}
