import { useId, type ReactNode } from "react";

/**
 * The desk's tables: a bordered card with a header row; rows come as children. On a phone (under 640 px) each row
 * becomes a stacked card and each cell is preceded by its column's name, so nothing hides off the right edge.
 * The labels are generated CSS (`td:nth-child(n)::before`), so pages keep writing plain `<td>` cells.
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
    .map((column, index) => `#${tableId} td:nth-child(${index + 1})::before{content:${cssString(column)}}`)
    .join("");
  return (
    <div className="data-table overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <style>{`@media (max-width: 639.98px){${labels}}`}</style>
      <table id={tableId} className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-3">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A CSS string literal; column names are ours, but a quote or "<" must not end the string or the style tag. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>]/g, (character) => `\\${character.charCodeAt(0).toString(16)} `)}"`;
}
