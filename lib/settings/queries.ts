import "server-only";
import { cache } from "react";
import { clientOf, type TDbOption } from "../db/client";
import { ZSiteSettings, defaultSiteSettings, type TSiteSettings } from "./site";
import { ZRetention, defaultRetention, retentionFields, type TRetention } from "./retention";
import {
  ZCalendarOverrides,
  ZDisclosureSettings,
  defaultDisclosureSettings,
  emptyCalendar,
  type TDisclosureSettings,
  type TStoredCalendar,
} from "./disclosure";
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

/** The local rules of 依申请公开 (the 补正 period), falling back to the defaults. */
export async function getDisclosureSettings(input: TDbOption = {}): Promise<TDisclosureSettings> {
  const row = await (await clientOf(input)).siteSetting.findUnique({ where: { key: "disclosure" } });
  const parsed = ZDisclosureSettings.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : defaultDisclosureSettings;
}

/** Changes the 补正 period (administrators only; anyone else is refused and audited). */
export async function saveDisclosureSettings(
  input: { actor: TSessionUser; settings: TDisclosureSettings } & TDbOption,
) {
  const prisma = await clientOf(input);
  const entry = { actorId: input.actor.id, action: "settings.disclosure", entityType: "SiteSetting" };
  if (!isAdministrator(input.actor)) throw await deniedAsNotFound(prisma, entry);
  const value = ZDisclosureSettings.parse(input.settings);
  await prisma.$transaction(async (tx) => {
    await tx.siteSetting.upsert({
      where: { key: "disclosure" },
      create: { key: "disclosure", value },
      update: { value },
    });
    await writeAudit(tx, { ...entry, entityId: "disclosure", detail: value });
  });
}

/** The administrator's calendar override (empty when none was set). */
export async function getCalendarOverrides(input: TDbOption = {}): Promise<TStoredCalendar> {
  const row = await (await clientOf(input)).siteSetting.findUnique({ where: { key: "calendar" } });
  const parsed = ZCalendarOverrides.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : emptyCalendar;
}
