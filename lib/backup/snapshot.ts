/**
 * What a backup records about the database it holds, read from that very copy: every table's
 * row count, the last migration applied, and the stored files the rows point at. A restore
 * reads the same figures from the restored database and must find them equal.
 */
export type TQuery = (sql: string) => Promise<Record<string, unknown>[]>;

export type TSnapshotFacts = {
  migration: string | null;
  tables: Record<string, number>;
  files: { key: string; sha256: string }[];
};

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function tableCounts(query: TQuery): Promise<Record<string, number>> {
  const tables = await query(
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const name = String(tablename);
    const [row] = await query(`SELECT count(*)::int AS n FROM ${ident(name)}`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

export async function snapshotFacts(query: TQuery): Promise<TSnapshotFacts> {
  const tables = await tableCounts(query);
  const [last] =
    "_prisma_migrations" in tables
      ? await query(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL " +
            "ORDER BY migration_name DESC LIMIT 1",
        )
      : [];
  const files =
    "Attachment" in tables
      ? await query('SELECT "storageKey" AS key, sha256 FROM "Attachment" ORDER BY "storageKey"')
      : [];
  return {
    migration: last ? String(last.migration_name) : null,
    tables,
    files: files.map((f) => ({ key: String(f.key), sha256: String(f.sha256) })),
  };
}

/** The tables whose counts differ between two snapshots, as `name: expected → found`. */
export function countDifferences(expected: Record<string, number>, found: Record<string, number>): string[] {
  return [...new Set([...Object.keys(expected), ...Object.keys(found)])]
    .filter((name) => expected[name] !== found[name])
    .map((name) => `${name}: ${expected[name] ?? "absent"} → ${found[name] ?? "absent"}`);
}
