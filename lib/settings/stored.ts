import "server-only";
import type { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { requireAdministrator } from "../auth/guards";
import { writeAudit } from "../audit/writeAudit";
import { contentChanged } from "../cache/contentChanged";

/** The stored value of one setting (`{}` when it was never set), for its reader to parse. */
export async function readSetting(input: TDbOption & { key: string }): Promise<unknown> {
  const row = await (await clientOf(input)).siteSetting.findUnique({ where: { key: input.key } });
  return row?.value ?? {};
}

/**
 * Changes one setting, administrators only: anyone else is refused and audited before the value
 * is even read. The value is parsed with the setting's schema, then stored with its audit entry in
 * one transaction.
 */
export async function saveSetting<S extends z.ZodType<Prisma.InputJsonValue>>(
  input: { actor: TSessionUser; key: string; schema: S; value: unknown } & TDbOption,
): Promise<z.infer<S>> {
  const prisma = await clientOf(input);
  const entry = { actorId: input.actor.id, action: `settings.${input.key}`, entityType: "SiteSetting" };
  await requireAdministrator(prisma, {
    actor: input.actor,
    action: entry.action,
    entityType: entry.entityType,
  });
  const value = input.schema.parse(input.value);
  const { key } = input;
  await prisma.$transaction(async (tx) => {
    await tx.siteSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await writeAudit(tx, { ...entry, entityId: key, detail: value });
  });
  contentChanged();
  return value;
}
