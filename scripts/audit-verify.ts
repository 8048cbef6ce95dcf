/**
 * npm run audit:verify: walks the audit chain of DATABASE_URL (or the embedded database, which
 * must not be open in a running server) and records the outcome for the staff audit page.
 * Exits 0 when the chain is whole, 1 naming the first row that breaks it.
 */
import { connect } from "../lib/db/connect";
import { runAndRecordVerification } from "../lib/audit/recordVerification";
import type { TChainBreakKind } from "../lib/audit/verifyChain";
import { runMain } from "./runMain";

const explain: Record<TChainBreakKind, string> = {
  altered: "its content or hash was altered (or it was inserted outside the chain)",
  removedBefore:
    "it does not follow the row before it: rows between were removed, or the row before was rewritten",
  inserted: "it was inserted between two chained rows",
  headRemoved: "the last row of an earlier successful verification is gone: rows were removed from the end",
};

async function main() {
  const { prisma, close } = await connect();
  try {
    const batch = Number(process.env.AUDIT_VERIFY_BATCH) || undefined;
    const report = await runAndRecordVerification({ db: prisma, actorId: null, batchSize: batch });
    const took = `${(report.durationMs / 1000).toFixed(1)} s`;
    if (report.firstBad) {
      console.error(
        `audit chain BROKEN at row ${report.firstBad.id} (${report.firstBad.kind}): ${explain[report.firstBad.kind]}; ` +
          `${report.rowsChecked} rows before it verified in ${took}`,
      );
      process.exitCode = 1;
    } else {
      console.log(
        `audit chain intact: ${report.rowsChecked} rows verified in ${took} (head row ${report.headId ?? "none"})`,
      );
    }
  } finally {
    await close();
  }
}

runMain(main);
