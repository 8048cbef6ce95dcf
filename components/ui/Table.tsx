import type { ReactNode } from "react";
import { Link } from "@/components/ui/Link";

export type TColumn<R> = {
  key: string;
  /** the column's heading; by default the table's `headers` names it from its key */
  header?: ReactNode;
  cell: (row: R) => ReactNode;
  /** dates, numbers and identifiers: never broken over lines */
  nowrap?: boolean;
  /** the cell names its row (a row header for screen readers) */
  rowHeader?: boolean;
};

export type TTableProps<R> = {
  columns: TColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  /** what the table is; read by screen readers, shown only when `showCaption` */
  caption?: ReactNode;
  showCaption?: boolean;
  /** smaller type for the dense staff lists */
  dense?: boolean;
  /** the header cells' text for the stacked layout, when a header is not plain text */
  labels?: Record<string, string>;
  /** names the columns that have no `header` of their own, from their keys */
  headers?: (key: string) => string;
  /** shown instead of the table when there are no rows */
  empty?: ReactNode;
};

/**
 * The column that names each row by its own key (a tracking number, a letter's number, an index
 * number), linked to the row's page at `${base}/${key}`.
 */
export function keyColumn<K extends string>(input: {
  key: K;
  base: string;
  nowrap?: boolean;
}): TColumn<Record<K, string>> {
  return {
    key: input.key,
    cell: (row) => <Link href={`${input.base}/${row[input.key]}`}>{row[input.key]}</Link>,
    nowrap: input.nowrap,
  };
}

/** The column that names each row by its title, linked to the row's page at `${base}/${id}`. */
export function titleColumn(input: {
  header: ReactNode;
  base: string;
}): TColumn<{ id: string; title: string }> {
  return {
    key: "title",
    header: input.header,
    cell: (row) => <Link href={`${input.base}/${row.id}`}>{row.title}</Link>,
  };
}

const textOf = (header: ReactNode) => (typeof header === "string" ? header : "");

/**
 * A data table that becomes stacked cards under 640px: each row a bordered block and each cell
 * labelled with its column's header, so nothing is squeezed to a few characters a line on a
 * phone. Screen readers still get a real table with a caption and column headers. The stacked
 * layout is two classes of app/globals.css (stack-row, stack-cell), not a list on every cell.
 */
export function Table<R>({
  columns,
  rows,
  rowKey,
  caption,
  showCaption,
  dense,
  labels,
  headers,
  empty,
}: TTableProps<R>) {
  if (!rows.length && empty) return <p>{empty}</p>;
  const headerOf = (column: TColumn<R>) => column.header ?? headers?.(column.key);
  return (
    <table className={`w-full border-collapse text-left ${dense ? "text-sm" : ""}`}>
      {caption ? (
        <caption className={showCaption ? "mb-2 text-left font-bold" : "sr-only"}>{caption}</caption>
      ) : null}
      <thead className="max-sm:sr-only">
        <tr className="bg-panel">
          {columns.map((column) => (
            <th key={column.key} scope="col" className="border border-line p-2">
              {headerOf(column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="stack-row">
            {columns.map((column) => {
              const Cell = column.rowHeader ? "th" : "td";
              return (
                <Cell
                  key={column.key}
                  scope={column.rowHeader ? "row" : undefined}
                  data-label={labels?.[column.key] ?? textOf(headerOf(column))}
                  className={[
                    "stack-cell",
                    column.nowrap && "whitespace-nowrap",
                    column.rowHeader && "font-normal",
                  ]
                    .filter(Boolean)
                    .join(" ")}
                >
                  {column.cell(row)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
