import type { Prisma, PrismaClient } from "../../lib/db/generated/client";

type Tx = PrismaClient | Prisma.TransactionClient;
type TSqlValue = string | number | boolean | null;

/** The tables the generator writes. */
export const volumeTables = [
  "DisclosureDocument",
  "IndexSerial",
  "Notice",
  "NoticeTarget",
  "NoticeRevision",
  "Application",
  "CaseEvent",
  "Rating",
  "DailySerial",
] as const satisfies readonly Prisma.ModelName[];
export type TVolumeTable = (typeof volumeTables)[number];

/**
 * A row as column → value, the columns being the model's scalar fields (no field of this schema
 * is mapped to another column name): a column the schema drops stops the type check, instead of
 * the generator halfway through a run.
 */
export type TRow<M extends TVolumeTable> = {
  [K in keyof Prisma.TypeMap["model"][M]["fields"]]?: TSqlValue;
};

/** Each table's columns and their SQL types (for the parameter casts), as the database has them. */
export type TTableTypes = ReadonlyMap<string, ReadonlyMap<string, { type: string; required: boolean }>>;

/**
 * Reads the generator's tables from the catalog, so the casts follow the schema rather than a
 * hand-kept list. Throws if a table is missing (the migrations have not run).
 */
export async function readTableTypes(
  prisma: Tx,
  tables: readonly string[] = volumeTables,
): Promise<TTableTypes> {
  const result = new Map<string, Map<string, { type: string; required: boolean }>>();
  for (const table of tables) {
    // to_regclass resolves the name on the search_path, as the INSERTs will
    const rows = await prisma.$queryRawUnsafe<{ name: string; type: string; required: boolean }[]>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
              (a.attnotnull AND NOT a.atthasdef) AS required
         FROM pg_attribute a
        WHERE a.attrelid = to_regclass($1::text) AND a.attnum > 0 AND NOT a.attisdropped`,
      `"${table}"`,
    );
    if (!rows.length) throw new Error(`table "${table}" does not exist: run the migrations first`);
    result.set(table, new Map(rows.map((r) => [r.name, { type: r.type, required: r.required }])));
  }
  return result;
}

/**
 * The columns `rows` write, checked against the table: every row names the same columns, each
 * exists, and no column the database requires (NOT NULL without a default) is left out.
 */
export function rowColumns(types: TTableTypes, table: string, rows: readonly object[]): string[] {
  const columns = types.get(table);
  if (!columns) throw new Error(`table "${table}" was not read from the database`);
  const names = Object.keys(rows[0] ?? {});
  const unknown = names.filter((name) => !columns.has(name));
  const missing = [...columns]
    .filter(([name, c]) => c.required && !names.includes(name))
    .map(([name]) => name);
  if (unknown.length || missing.length)
    throw new Error(
      `the generator's "${table}" rows do not match the schema:${unknown.length ? ` no column ${unknown.map((n) => `"${n}"`).join(", ")};` : ""}${missing.length ? ` required column ${missing.map((n) => `"${n}"`).join(", ")} not written;` : ""} update scripts/volume`,
    );
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== names.length || keys.some((key, i) => key !== names[i]))
      throw new Error(`"${table}" rows name different columns: ${names.join(", ")} / ${keys.join(", ")}`);
  }
  return names;
}

/** The multi-row INSERT statement for `rows` rows of `columns` (placeholders $1…, cast to the column's type unless ""). */
export function insertSql(
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  rows: number,
  suffix = "",
): string {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const base = r * columns.length;
    tuples.push(`(${columns.map(([, type], c) => `$${base + c + 1}${type ? `::${type}` : ""}`).join(", ")})`);
  }
  return `INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}${suffix ? ` ${suffix}` : ""}`;
}

// PostgreSQL allows 65,535 parameters in one statement; stay well below
const maxParams = 60_000;

/** Inserts rows in as few statements as the parameter limit allows. */
export async function insertRows<M extends TVolumeTable>(
  tx: Tx,
  types: TTableTypes,
  table: M,
  rows: readonly TRow<M>[],
  suffix = "",
): Promise<void> {
  if (!rows.length) return;
  const names = rowColumns(types, table, rows);
  const columns = names.map((name) => [name, types.get(table)?.get(name)?.type ?? "text"] as const);
  const perStatement = Math.max(1, Math.floor(maxParams / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.flatMap((row) => names.map((name) => (row as Record<string, TSqlValue>)[name]));
    await tx.$executeRawUnsafe(insertSql(table, columns, chunk.length, suffix), ...values);
  }
}

/** A timestamp(3) parameter: Prisma keeps DateTime as UTC wall-clock time without a zone. */
export function ts(moment: Date | null): string | null {
  return moment ? moment.toISOString().replace("T", " ").replace("Z", "") : null;
}
