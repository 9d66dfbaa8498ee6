import Link from "next/link";

/** "← Newer" and "Older →" between the pages of a newest-first list; nothing when there is one page. */
export function NewerOlder({
  page,
  pageCount,
  hrefOf,
  label,
  className = "",
}: {
  page: number;
  pageCount: number;
  /** The address of page `n` (page 1 is usually the list's own address). */
  hrefOf: (n: number) => string;
  /** Names the navigation landmark, e.g. "More transcripts". */
  label: string;
  className?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className={`flex justify-between text-sm ${className}`}>
      {page > 1 ? (
        <Link className="text-accent underline" href={hrefOf(page - 1)}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {page < pageCount ? (
        <Link className="text-accent underline" href={hrefOf(page + 1)}>
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
