import Link from "next/link";

/** "← Newer" and "Older →" between the pages of a newest-first list; nothing when there is one page. */
export function NewerOlder({
  page,
  pageCount,
  hrefOf,
  label,
  className = "",
  showPosition = false,
  previousLabel = "← Newer",
  nextLabel = "Older →",
}: {
  page: number;
  pageCount: number;
  /** The address of page `n` (page 1 is usually the list's own address). */
  hrefOf: (n: number) => string;
  /** Names the navigation landmark, e.g. "More transcripts". */
  label: string;
  className?: string;
  /** Shows "Page 2 of 5" between the links. */
  showPosition?: boolean;
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className={`flex items-baseline justify-between gap-3 text-sm ${className}`}>
      {page > 1 ? (
        <Link className="text-accent underline" href={hrefOf(page - 1)}>
          {previousLabel}
        </Link>
      ) : (
        <span />
      )}
      {showPosition ? (
        <span className="text-stone-700">
          Page {page} of {pageCount}
        </span>
      ) : null}
      {page < pageCount ? (
        <Link className="text-accent underline" href={hrefOf(page + 1)}>
          {nextLabel}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
