import Link from "next/link";
import { bylineParts, type PublicByline } from "@/lib/publishing/credits";

/** "Transcribed and annotated by A and B · Published by C", each name linked to its author page. */
export function Byline({
  byline,
  siteName,
  hasAnnotations,
}: {
  byline: PublicByline;
  siteName: string;
  hasAnnotations: boolean;
}) {
  return (
    <p className="text-sm text-stone-700 [overflow-wrap:anywhere]" data-testid="byline">
      {bylineParts(byline, { siteName, hasAnnotations }).map((part, index) =>
        "text" in part ? (
          part.text
        ) : part.person.path ? (
          <Link key={index} href={part.person.path} className="font-semibold text-ink underline underline-offset-2">
            {part.person.name}
          </Link>
        ) : (
          <span key={index} className="font-semibold text-ink">
            {part.person.name}
          </span>
        ),
      )}
    </p>
  );
}
