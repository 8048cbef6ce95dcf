import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { deniedAsNotFound } from "../audit/refusals";
import { writeAudit } from "../audit/writeAudit";
import { canVerifyAuditChain } from "./policy";
import { runAndRecordVerification } from "../audit/recordVerification";
import type { TChainReport } from "../audit/verifyChain";

/**
 * An administrator walks the whole chain now, from the audit page; the outcome is recorded (so
 * the page shows it from then on) and the walk itself is audited.
 */
export async function verifyAuditChainNow(input: { actor: TSessionUser } & TDbOption): Promise<TChainReport> {
  const prisma = await clientOf(input);
  const entry = { actorId: input.actor.id, action: "audit.verify", entityType: "AuditLog" };
  if (!canVerifyAuditChain(input.actor)) throw await deniedAsNotFound(prisma, entry);
  const report = await runAndRecordVerification({ db: prisma, actorId: input.actor.id });
  await writeAudit(prisma, {
    ...entry,
    detail: {
      ok: report.ok,
      rowsChecked: report.rowsChecked,
      ...(report.firstBad
        ? { firstBadId: report.firstBad.id.toString(), problem: report.firstBad.kind }
        : {}),
    },
  });
  return report;
}
