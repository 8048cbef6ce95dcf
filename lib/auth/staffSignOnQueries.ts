import "server-only";
import type { TDbOption } from "../db/client";
import { administratorsClient } from "./guards";
import type { TSessionUser } from "./types";

/**
 * Every open staff account with its links to the government sign-on (issuer, subject or the
 * pre-registered e-mail, since when, last used), for administrators only: anyone else gets
 * NotFoundError and the refusal is audited.
 */
export async function listStaffSignOns(input: { actor: TSessionUser } & TDbOption) {
  const prisma = await administratorsClient(input, {
    action: "identity.listStaff",
    entityType: "User",
    entityId: "staffSignOn",
  });
  return prisma.user.findMany({
    where: { accountType: "STAFF", closedAt: null },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      disabled: true,
      identities: {
        where: { portal: "staff" },
        orderBy: { linkedAt: "asc" },
        select: { id: true, issuer: true, subject: true, email: true, linkedAt: true, lastUsedAt: true },
      },
    },
  });
}
