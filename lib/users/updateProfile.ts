import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { ownAccountEntry, writeAudit } from "../audit/writeAudit";
import { requireOwnAccount } from "../auth/guards";
import type { TProfile } from "./schema";

/** The profile fields a citizen sees and may correct on the profile page. */
export async function ownProfile(input: { actor: TSessionUser } & TDbOption) {
  return (await clientOf(input)).user.findUnique({
    where: { id: input.actor.id },
    select: { name: true, email: true, phone: true, locale: true, accountType: true },
  });
}

/**
 * Corrects the signed-in citizen's own name, mobile number and language (个人信息保护法 Art. 46).
 * The e-mail address is changed apart, confirmed by a link mailed to it (lib/users/emailChange.ts).
 * Audited with the names of the fields that changed, never their values. Staff accounts are
 * administered, not self-edited here.
 */
export async function updateProfile(
  input: { actor: TSessionUser; profile: TProfile } & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  const { actor, profile } = input;
  await requireOwnAccount(prisma, { actor, action: "profile.update" });
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { name: true, phone: true, locale: true },
    });
    const changed = (["name", "phone", "locale"] as const).filter(
      (field) => before[field] !== profile[field],
    );
    if (!changed.length) return;
    await tx.user.update({
      where: { id: actor.id },
      data: { name: profile.name, phone: profile.phone, locale: profile.locale },
    });
    await writeAudit(tx, ownAccountEntry(actor.id, "profile.update", { changed }));
  });
}
