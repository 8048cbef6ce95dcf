import "server-only";
import { cache } from "react";
import { clientOf, type TDbOption } from "../db/client";
import { ZSiteSettings, defaultSiteSettings, type TSiteSettings } from "./site";
import { ZRetention, defaultRetention, retentionFields, type TRetention } from "./retention";
import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";
import { deniedAsNotFound } from "../audit/refusals";
import { writeAudit } from "../audit/writeAudit";

/** The site settings, falling back field by field to the defaults. */
export const getSiteSettings = cache(async (input: TDbOption = {}): Promise<TSiteSettings> => {
  const row = await (await clientOf(input)).siteSetting.findUnique({ where: { key: "site" } });
  const parsed = ZSiteSettings.partial().safeParse(row?.value ?? {});
  return { ...defaultSiteSettings, ...(parsed.success ? parsed.data : {}) };
});

/** The retention periods, falling back field by field to the defaults. */
export async function getRetention(input: TDbOption = {}): Promise<TRetention> {
  const row = await (await clientOf(input)).siteSetting.findUnique({ where: { key: "retention" } });
  const value = (row?.value ?? {}) as Record<string, unknown>;
  const kept = retentionFields.filter((field) => ZRetention.shape[field].safeParse(value[field]).success);
  return { ...defaultRetention, ...Object.fromEntries(kept.map((field) => [field, Number(value[field])])) };
}

/** Changes the retention periods (administrators only; anyone else is refused and audited). */
export async function saveRetention(input: { actor: TSessionUser; retention: TRetention } & TDbOption) {
  const prisma = await clientOf(input);
  const entry = { actorId: input.actor.id, action: "settings.retention", entityType: "SiteSetting" };
  if (!isAdministrator(input.actor)) throw await deniedAsNotFound(prisma, entry);
  const value = ZRetention.parse(input.retention);
  await prisma.$transaction(async (tx) => {
    await tx.siteSetting.upsert({
      where: { key: "retention" },
      create: { key: "retention", value },
      update: { value },
    });
    await writeAudit(tx, { ...entry, entityId: "retention", detail: value });
  });
}
