import Link from "next/link";
import type { DateRange } from "@/lib/discovery/params";

/** The archive's date filter: a plain GET form with the browser's own date pickers. */
export function DateRangeForm({ range, action }: { range: DateRange; action: string }) {
  const isFiltered = Boolean(range.from || range.to);
  return (
    <form
      action={action}
      method="get"
      aria-label="Filter by date"
      className="flex flex-wrap items-end gap-3 rounded-md border border-stone-300 bg-white p-4"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="archive-from" className="text-sm font-semibold">
          From
        </label>
        <input
          id="archive-from"
          name="from"
          type="date"
          defaultValue={range.from ?? ""}
          className="rounded-md border border-stone-400 bg-white px-3 py-2"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="archive-to" className="text-sm font-semibold">
          To
        </label>
        <input
          id="archive-to"
          name="to"
          type="date"
          defaultValue={range.to ?? ""}
          className="rounded-md border border-stone-400 bg-white px-3 py-2"
        />
      </div>
      <button type="submit" className="rounded-md bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-strong">
        Show transcripts
      </button>
      {isFiltered ? (
        <Link href={action} className="py-2 text-sm text-accent underline">
          Clear dates
        </Link>
      ) : null}
    </form>
  );
}
