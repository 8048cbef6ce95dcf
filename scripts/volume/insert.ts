import type { Prisma, PrismaClient } from "../../lib/db/generated/client";

type Tx = PrismaClient | Prisma.TransactionClient;
export type TSqlValue = string | number | boolean | null;

/** A column and the SQL cast its parameter needs ("" for text). */
export type TColumn = readonly [name: string, cast: string];

// PostgreSQL allows 65,535 parameters in one statement; stay well below
const maxParams = 60_000;

/** The multi-row INSERT statement for `rows` rows of `columns` (placeholders $1…). */
export function insertSql(table: string, columns: readonly TColumn[], rows: number, suffix = ""): string {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const base = r * columns.length;
    tuples.push(`(${columns.map(([, cast], c) => `$${base + c + 1}${cast ? `::${cast}` : ""}`).join(", ")})`);
  }
  return `INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}${suffix ? ` ${suffix}` : ""}`;
}

/** Inserts rows (each a value list in column order) in as few statements as the parameter limit allows. */
export async function insertRows(
  tx: Tx,
  table: string,
  columns: readonly TColumn[],
  rows: TSqlValue[][],
  suffix = "",
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(maxParams / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    await tx.$executeRawUnsafe(insertSql(table, columns, chunk.length, suffix), ...chunk.flat());
  }
}

/** A timestamp(3) parameter: Prisma keeps DateTime as UTC wall-clock time without a zone. */
export function ts(moment: Date | null): string | null {
  return moment ? moment.toISOString().replace("T", " ").replace("Z", "") : null;
}
