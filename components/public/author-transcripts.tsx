import Link from "next/link";
import { NewerOlder } from "@/components/public/newer-older";
import { formatDay } from "@/lib/discovery/params";
import type { AuthorTranscript } from "@/lib/discovery/authors";
import type { CreditRole } from "@/lib/publishing/credits";
import type { Paged } from "@/lib/publishing/public-queries";

const ROLE_LABELS: Record<CreditRole, string> = { AUTHOR: "Transcribed and annotated", EDITOR: "Published" };

/** An author's published transcripts, newest first: title, when it was published, and what they did on it. */
export function AuthorTranscripts({
  page,
  hrefOf,
  label,
}: {
  page: Paged<AuthorTranscript>;
  hrefOf: (n: number) => string;
  label: string;
}) {
  return (
    <>
      <ol className="mt-4 flex flex-col divide-y divide-stone-200" data-testid="author-transcripts">
        {page.items.map((item) => (
          <li key={item.id} className="py-4">
            <h3 className="font-serif text-xl font-semibold [overflow-wrap:anywhere]">
              <Link href={item.path} className="hover:text-accent hover:underline">
                {item.title}
              </Link>
            </h3>
            <p className="mt-1 text-sm text-stone-700">
              {item.roles.map((role) => ROLE_LABELS[role]).join(" and ")} ·{" "}
              <time dateTime={item.publishedAt}>{formatDay(item.publishedAt)}</time>
            </p>
          </li>
        ))}
      </ol>
      <NewerOlder
        page={page.page}
        pageCount={page.pageCount}
        hrefOf={hrefOf}
        label={label}
        className="mt-6"
        showPosition
      />
    </>
  );
}
