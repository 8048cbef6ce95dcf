import "server-only";
import { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { isAdministrator } from "./policy";
import type { TSessionUser } from "./types";
import { NotFoundError } from "../shared/errors";

const ZRegistration = z.object({
  userId: z.string().min(1).max(40),
  issuer: z.string().url().max(300),
  email: z.string().trim().toLowerCase().email().max(254),
});

/**
 * An administrator lets a staff account sign on through the government sign-on: the e-mail the
 * sign-on will present is registered, and its first sign-on ties the account to its subject.
 * Anyone else is refused (audited) as if the account did not exist.
 */
export async function registerStaffSignOn(
  input: { actor: TSessionUser } & z.input<typeof ZRegistration> & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  const { userId, issuer, email } = ZRegistration.parse(input);
  const staff = await prisma.user.findFirst({
    where: { id: userId, accountType: "STAFF" },
    select: { id: true },
  });
  if (!isAdministrator(input.actor) || !staff) {
    await writeAudit(prisma, {
      actorId: input.actor.id,
      action: "identity.registerStaff",
      entityType: "User",
      entityId: userId,
      outcome: "DENIED",
    });
    throw new NotFoundError("user");
  }
  await prisma.$transaction(async (tx) => {
    await tx.userIdentity.upsert({
      where: { issuer_email: { issuer, email } },
      create: { userId, issuer, email, portal: "staff" },
      update: { userId, subject: null },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "identity.registerStaff",
      entityType: "User",
      entityId: userId,
      detail: { issuer, email },
    });
  });
}
