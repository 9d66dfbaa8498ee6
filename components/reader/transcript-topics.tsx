import Link from "next/link";
import { entityPath } from "@/lib/discovery/params";
import type { EntityType } from "@/lib/generated/prisma/enums";
import type { PublishedSnapshot } from "@/lib/publishing/types";
import { publicEntities } from "@/lib/publishing/topics";

const ORDER: EntityType[] = ["TOPIC", "PERSON", "ORG", "PLACE"];

/**
 * The transcript's topics (its tags and accepted topic entities, as one), people, organisations and places, each
 * linking to its page of transcripts.
 */
export function TranscriptTopics({ transcript }: { transcript: Pick<PublishedSnapshot, "entities" | "tags"> }) {
  const linked = publicEntities(transcript).sort(
    (a, b) =>
      ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name),
  );
  if (linked.length === 0) return null;
  return (
    <nav aria-label="Topics" className="no-print mt-8 border-t border-stone-200 pt-4 text-sm">
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className="font-semibold">Topics:</span>
        {linked.map((entity, index) => (
          <span key={entity.id} className="[overflow-wrap:anywhere]">
            <Link href={entityPath(entity.type, entity.slug)} className="text-accent underline underline-offset-2">
              {entity.name}
            </Link>
            {index < linked.length - 1 ? <span aria-hidden="true"> ·</span> : null}
          </span>
        ))}
      </p>
    </nav>
  );
}
