"use server";

import { redirect } from "next/navigation";
import { postAction } from "@/lib/actions/formAction";
import { verifyAuditChainNow } from "@/lib/audit/verifyAuditChainNow";
import { ZVerifyAuditChain } from "@/lib/audit/schema";

export const verifyAuditChain = postAction({
  schema: ZVerifyAuditChain,
  actor: "staff",
  run: async ({ actor }) => {
    const report = await verifyAuditChainNow({ actor });
    redirect(`/staff/audit?done=${report.ok ? "verified" : "broken"}`);
  },
});
