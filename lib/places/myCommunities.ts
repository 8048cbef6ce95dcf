import "server-only";
import { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isCitizen } from "../auth/policy";
import { FormError, NotFoundError } from "../shared/errors";

export const ZMyCommunities = z.array(z.string().regex(/^\d{6,15}$/)).max(20, "tooManyChoices|20");

/** A resident's own communities, whose notices the list and the home page show first. */
export async function setMyCommunities(
  input: { actor: TSessionUser; codes: string[] } & TDbOption,
): Promise<void> {
  if (!isCitizen(input.actor)) throw new NotFoundError("account");
  const prisma = await clientOf(input);
  const codes = ZMyCommunities.safeParse([...new Set(input.codes)]);
  if (!codes.success)
    throw new FormError(
      codes.error.issues[0]?.message === "tooManyChoices|20" ? "tooManyChoices|20" : "choose",
      "communities",
    );
  const rows = await prisma.community.findMany({ where: { code: { in: codes.data } }, select: { id: true } });
  if (rows.length !== codes.data.length) throw new FormError("choose", "communities");
  await prisma.$transaction([
    prisma.userCommunity.deleteMany({ where: { userId: input.actor.id } }),
    prisma.userCommunity.createMany({
      data: rows.map((row) => ({ userId: input.actor.id, communityId: row.id })),
    }),
  ]);
}
