import "server-only";
import type { TDbOption } from "../db/client";
import { keptRead } from "../cache/keptReads";
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
import { readSetting, saveSetting } from "./stored";
import { ZCaseSettings, defaultCaseSettings, type TCaseSettings } from "./cases";

/** The site settings, falling back field by field to the defaults. */
export function getSiteSettings(input: TDbOption = {}): Promise<TSiteSettings> {
  return input.db ? readSiteSettings(input) : keptSiteSettings();
}

async function readSiteSettings(input: TDbOption): Promise<TSiteSettings> {
  const stored = await readSetting({ ...input, key: "site" });
  const parsed = ZSiteSettings.partial().safeParse(stored);
  return { ...defaultSiteSettings, ...(parsed.success ? parsed.data : {}) };
}
// read by every page: once for every request within a moment (lib/cache/keptReads.ts)
const keptSiteSettings = keptRead("siteSettings", () => readSiteSettings({}));

/** The retention periods, falling back field by field to the defaults. */
export async function getRetention(input: TDbOption = {}): Promise<TRetention> {
  const value = (await readSetting({ ...input, key: "retention" })) as Record<string, unknown>;
  const kept = retentionFields.filter((field) => ZRetention.shape[field].safeParse(value[field]).success);
  return { ...defaultRetention, ...Object.fromEntries(kept.map((field) => [field, Number(value[field])])) };
}

/** Changes the retention periods (administrators only; anyone else is refused and audited). */
export async function saveRetention(input: { actor: TSessionUser; retention: TRetention } & TDbOption) {
  await saveSetting({ ...input, key: "retention", schema: ZRetention, value: input.retention });
}

/** The local rules of 依申请公开 (the 补正 period), falling back to the defaults. */
export async function getDisclosureSettings(input: TDbOption = {}): Promise<TDisclosureSettings> {
  const stored = await readSetting({ ...input, key: "disclosure" });
  const parsed = ZDisclosureSettings.safeParse(stored);
  return parsed.success ? parsed.data : defaultDisclosureSettings;
}

/** Changes the 补正 period (administrators only; anyone else is refused and audited). */
export async function saveDisclosureSettings(
  input: { actor: TSessionUser; settings: TDisclosureSettings } & TDbOption,
) {
  await saveSetting({ ...input, key: "disclosure", schema: ZDisclosureSettings, value: input.settings });
}

/** The administrator's calendar override (empty when none was set). */
export async function getCalendarOverrides(input: TDbOption = {}): Promise<TStoredCalendar> {
  const stored = await readSetting({ ...input, key: "calendar" });
  const parsed = ZCalendarOverrides.safeParse(stored);
  return parsed.success ? parsed.data : emptyCalendar;
}

/** The local rules of 好差评 (follow-up and appeal periods), falling back field by field to the defaults. */
export async function getCaseSettings(input: TDbOption = {}): Promise<TCaseSettings> {
  const value = (await readSetting({ ...input, key: "cases" })) as Record<string, unknown>;
  const field = <K extends keyof TCaseSettings>(key: K) => {
    const parsed = ZCaseSettings.shape[key].safeParse(value[key]);
    return parsed.success ? parsed.data : defaultCaseSettings[key];
  };
  return { followUpDays: field("followUpDays"), appealDays: field("appealDays") };
}

/** Changes the 好差评 periods (administrators only; anyone else is refused and audited). */
export async function saveCaseSettings(input: { actor: TSessionUser; settings: TCaseSettings } & TDbOption) {
  await saveSetting({ ...input, key: "cases", schema: ZCaseSettings, value: input.settings });
}
