"use server";

import { redirect } from "next/navigation";
import { postAction } from "@/lib/actions/formAction";
import { verifyAuditChainNow } from "@/lib/auditTrail/verifyAuditChainNow";
import { ZVerifyAuditChain } from "@/lib/auditTrail/schema";

export const verifyAuditChain = postAction({
  schema: ZVerifyAuditChain,
  actor: "staff",
  run: async ({ actor }) => {
    const report = await verifyAuditChainNow({ actor });
    redirect(`/staff/audit?done=${report.ok ? "verified" : "broken"}`);
  },
});
