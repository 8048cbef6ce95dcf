import "server-only";
import type { PrismaClient } from "../db/generated/client";
import { verifyAuditChain, type TChainReport } from "./verifyChain";

/**
 * Walks the whole chain and records the outcome. The head a previous successful walk ended on is
 * checked too, so rows cut from the end since then are caught, which the links alone cannot show.
 * A walk takes time proportional to the log, so pages show the last recorded outcome instead.
 */
export async function runAndRecordVerification(options: {
  db: PrismaClient;
  actorId: string | null;
  batchSize?: number;
}): Promise<TChainReport> {
  const { db } = options;
  const last = await db.auditVerification.findFirst({
    where: { ok: true, headId: { not: null } },
    orderBy: { at: "desc" },
    select: { headId: true, headHash: true },
  });
  const report = await verifyAuditChain({
    db,
    batchSize: options.batchSize,
    knownHead:
      last?.headId != null && last.headHash ? { headId: last.headId, headHash: last.headHash } : null,
  });
  await db.auditVerification.create({
    data: {
      ok: report.ok,
      rowsChecked: report.rowsChecked,
      headId: report.headId,
      headHash: report.headHash,
      firstBadId: report.firstBad?.id ?? null,
      problem: report.firstBad?.kind ?? null,
      durationMs: report.durationMs,
      actorId: options.actorId,
    },
  });
  return report;
}
