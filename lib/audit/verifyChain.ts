import "server-only";
import type { PrismaClient } from "../db/generated/client";

/** The prevHash of the first row of the chain. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * What broke the chain at a row: its content no longer matches its hash ("altered"); it does not
 * follow the row before it, so rows between were removed or the one before was rewritten with a
 * new hash ("removedBefore"); the row before it links past it, so that one was slipped in
 * ("inserted"); or the row a previous walk ended on is gone ("headRemoved").
 */
export type TChainBreakKind = "altered" | "removedBefore" | "inserted" | "headRemoved";

export type TChainReport = {
  ok: boolean;
  rowsChecked: number;
  headId: bigint | null;
  headHash: string | null;
  firstBad: { id: bigint; kind: TChainBreakKind } | null;
  durationMs: number;
};

type TChainRow = { id: bigint; prevHash: string | null; hash: string | null; expected: string };

/** A head a previous walk ended on: if it is later missing or changed, rows were cut from the end. */
export type TKnownHead = { headId: bigint; headHash: string };

/**
 * Walks the audit chain in id order, `batchSize` rows at a time (memory stays flat however long
 * the log is), and stops at the first row that breaks it. Each row's expected hash is computed
 * by the same SQL function the insert trigger uses, so the walk and the writer cannot disagree
 * about the serialisation.
 */
export async function verifyAuditChain(options: {
  db: PrismaClient;
  batchSize?: number;
  knownHead?: TKnownHead | null;
}): Promise<TChainReport> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 5000;
  const known = options.knownHead ?? null;
  let rowsChecked = 0;
  let previous: TChainRow | null = null;
  let sawKnownHead = false;
  const report = (firstBad: TChainReport["firstBad"]): TChainReport => ({
    ok: firstBad === null,
    rowsChecked,
    headId: previous?.id ?? null,
    headHash: previous?.hash ?? null,
    firstBad,
    durationMs: Date.now() - started,
  });

  for (;;) {
    const rows: TChainRow[] = await options.db.$queryRaw<TChainRow[]>`
      SELECT "id", "prevHash", "hash",
             audit_log_digest("prevHash", "id", "at", "actorId", "action", "entityType", "entityId",
                              "outcome"::TEXT, "detail", "ip") AS "expected"
      FROM "AuditLog"
      WHERE "id" > ${previous?.id ?? -1n}
      ORDER BY "id"
      LIMIT ${batchSize}`;
    for (const row of rows) {
      const kind = breakAt(row, previous);
      if (kind) return report({ id: kind === "inserted" ? previous!.id : row.id, kind });
      if (known && row.id === known.headId) {
        if (row.hash !== known.headHash) return report({ id: row.id, kind: "altered" });
        sawKnownHead = true;
      }
      previous = row;
      rowsChecked += 1;
    }
    if (rows.length < batchSize) break;
  }
  if (known && !sawKnownHead) return report({ id: known.headId, kind: "headRemoved" });
  return report(null);
}

function breakAt(row: TChainRow, previous: TChainRow | null): TChainBreakKind | null {
  if (row.hash === null || row.hash !== row.expected) return "altered";
  if (row.prevHash === (previous?.hash ?? GENESIS_HASH)) return null;
  // the row before links to the same predecessor as this one: it was put in between
  if (previous && row.prevHash === previous.prevHash) return "inserted";
  return "removedBefore";
}
