import "server-only";
import { administratorsClient } from "../auth/guards";
import { z } from "zod";
import { lineField } from "../shared/plainText";
import type { TDbOption } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit } from "../audit/writeAudit";
import { FormError } from "../shared/errors";
import { contentChanged } from "../cache/contentChanged";

/**
 * A place added or renamed by an administrator. Codes follow GB/T 2260 and the 统计用区划代码
 * pattern: district 6 digits, street = district + 3, community = street + 3; a code never changes.
 */
export const ZPlace = z
  .object({
    level: z.enum(["district", "street", "community"], { message: "choose" }),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}(\d{3}){0,2}$/, "placeCodeInvalid"),
    name: lineField().min(1, "required").max(40, "tooLongMax|40"),
    nameEn: lineField().min(1, "required").max(80, "tooLongMax|80"),
    rural: z.enum(["yes", "no"], { message: "choose" }),
  })
  .superRefine((place, ctx) => {
    const length = { district: 6, street: 9, community: 12 }[place.level];
    if (place.code.length !== length)
      ctx.addIssue({ code: "custom", path: ["code"], message: `placeCodeLength|${length}` });
  });
export type TPlace = z.infer<typeof ZPlace>;

/** The id of the place a street or community belongs under: its code less the last 3 digits. */
async function parentId(tx: Prisma.TransactionClient, level: "street" | "community", code: string) {
  const where = { code: code.slice(0, -3) };
  const parent =
    level === "street" ? await tx.district.findUnique({ where }) : await tx.street.findUnique({ where });
  if (!parent) throw new FormError("placeParentMissing", "code");
  return parent.id;
}

/** Adds a place or renames one (administrators only; a refusal is audited too). */
export async function savePlace(
  input: { actor: TSessionUser; place: TPlace } & TDbOption,
): Promise<"created" | "renamed"> {
  const prisma = await administratorsClient(input, {
    action: "place.save",
    entityType: "Place",
    entityId: input.place.code,
  });
  const { level, code, name, nameEn, rural } = input.place;
  const names = { name, nameEn };
  const outcome = await prisma.$transaction(async (tx) => {
    let outcome: "created" | "renamed";
    if (level === "district") {
      outcome = (await tx.district.findUnique({ where: { code } })) ? "renamed" : "created";
      await tx.district.upsert({ where: { code }, create: { code, ...names }, update: names });
    } else if (level === "street") {
      const districtId = await parentId(tx, level, code);
      const street = { ...names, rural: rural === "yes" };
      outcome = (await tx.street.findUnique({ where: { code } })) ? "renamed" : "created";
      await tx.street.upsert({ where: { code }, create: { code, ...street, districtId }, update: street });
    } else {
      const streetId = await parentId(tx, level, code);
      const community = { ...names, village: rural === "yes" };
      outcome = (await tx.community.findUnique({ where: { code } })) ? "renamed" : "created";
      await tx.community.upsert({
        where: { code },
        create: { code, ...community, streetId },
        update: community,
      });
    }
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: `place.${outcome === "created" ? "create" : "rename"}`,
      entityType: "Place",
      entityId: code,
      detail: { level, name, nameEn },
    });
    return outcome;
  });
  contentChanged();
  return outcome;
}
