import "server-only";
import { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { recordRefusal } from "../audit/refusals";
import { isAdministrator } from "./policy";
import type { TSessionUser } from "./types";
import { FormError, NotFoundError } from "../shared/errors";
import { ZStaffSignOnRegistration } from "./staffSignOnSchema";

const ZIssuer = z.string().url().max(300);

/**
 * An administrator lets a staff account sign on through the government sign-on: the subject the
 * sign-on knows the person by, or the e-mail it will present (whose first sign-on then ties the
 * account to its subject), is registered. A subject or e-mail already linked to a citizen's
 * identity is refused (staffSignOnTaken); one linked to another staff account moves to this one.
 * Anyone but an administrator is refused (audited) as if the account did not exist.
 */
export async function registerStaffSignOn(
  input: {
    actor: TSessionUser;
    issuer: string;
    userId: string;
    subject?: string;
    email?: string;
  } & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  const issuer = ZIssuer.parse(input.issuer);
  const parsed = ZStaffSignOnRegistration.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FormError(issue?.message ?? "required", String(issue?.path[0] ?? "subject"));
  }
  const { userId, subject, email } = parsed.data;
  const staff = await prisma.user.findFirst({
    where: { id: userId, accountType: "STAFF", closedAt: null },
    select: { id: true },
  });
  if (!isAdministrator(input.actor) || !staff) {
    await recordRefusal(prisma, {
      actorId: input.actor.id,
      action: "identity.registerStaff",
      entityType: "User",
      entityId: userId,
    });
    throw new NotFoundError("user");
  }
  const taken = await prisma.userIdentity.findFirst({
    where: {
      issuer,
      portal: { not: "staff" },
      OR: [...(subject ? [{ subject }] : []), ...(email ? [{ email }] : [])],
    },
    select: { id: true },
  });
  if (taken) throw new FormError("staffSignOnTaken", subject ? "subject" : "email");
  try {
    await link();
  } catch (error) {
    // the e-mail is already registered with another subject
    if ((error as { code?: string }).code === "P2002") throw new FormError("staffSignOnTaken", "email");
    throw error;
  }

  function link() {
    return prisma.$transaction(async (tx) => {
      if (subject) {
        // a subject replaces the same person's registration by e-mail alone
        if (email)
          await tx.userIdentity.deleteMany({ where: { issuer, email, subject: null, portal: "staff" } });
        await tx.userIdentity.upsert({
          where: { issuer_subject: { issuer, subject } },
          create: { userId, issuer, subject, email: email || null, portal: "staff" },
          update: { userId, ...(email && { email }) },
        });
      } else
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
        detail: { issuer, subject: subject || null, email: email || null },
      });
    });
  }
}
