import { useId, type ComponentProps, type ReactNode } from "react";

/**
 * The desk's tables: a bordered card with a header row; rows come as children (`DataTableRow`, `DataTableCell`).
 * On a phone (under 640 px) each row becomes a stacked card and each cell is preceded by its column's name, so
 * nothing hides off the right edge and nothing scrolls sideways.
 *
 * The labels are generated CSS (`td:nth-child(n)::before`, the rest of the layout is in app/globals.css) with empty
 * alternative text (`content: "Role" / ""`): screen readers announce the real column header instead, once. The
 * explicit roles keep the table a table for assistive technology after `display: block` (Safari drops a table's
 * semantics when its parts stop being displayed as one).
 */
export function DataTable({
  columns,
  caption,
  children,
}: {
  columns: readonly string[];
  caption?: string;
  children: ReactNode;
}) {
  const tableId = `data-table-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const labels = columns
    .map((column, index) => {
      const label = cssString(column);
      // The first declaration is for browsers without alternative text for generated content.
      return `#${tableId} td:nth-child(${index + 1})::before{content:${label};content:${label} / ""}`;
    })
    .join("");
  return (
    // Only a desktop scrolls sideways, and only as a last resort: on a phone every cell wraps.
    <div className="data-table rounded-lg border border-stone-200 bg-white sm:overflow-x-auto">
      <style>
        {`@media (max-width: 639.98px){${labels}#${tableId} td::before{margin-bottom:0.125rem}` +
          // Cells break long words anywhere on a phone; a button's label ("Copy") must not be one of them.
          `#${tableId} td button{overflow-wrap:normal}}`}
      </style>
      <table id={tableId} role="table" className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead
          role="rowgroup"
          className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600"
        >
          <tr role="row">
            {columns.map((column) => (
              <th key={column} scope="col" role="columnheader" className="px-4 py-3">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">{children}</tbody>
      </table>
    </div>
  );
}

/** One row: on a phone, one card. */
export function DataTableRow({ className = "", ...props }: ComponentProps<"tr">) {
  return <tr role="row" className={`border-b border-stone-100 align-top last:border-0 ${className}`} {...props} />;
}

/**
 * One cell. On a phone every cell breaks long words; on a desktop, give `[overflow-wrap:anywhere]` to cells that
 * hold emails, file names or URLs, so they break rather than push the table wider than its card.
 */
export function DataTableCell({ className = "", ...props }: ComponentProps<"td">) {
  return <td role="cell" className={`px-4 py-3 ${className}`} {...props} />;
}

/** A CSS string literal; column names are ours, but a quote or "<" must not end the string or the style tag. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `)}"`;
}
