import { z } from "zod";
import { wholeNumberField } from "../shared/numberField";

/**
 * Local rules of 依申请公开 an administrator sets: the 补正 period (Art. 30 leaves it to the
 * office: "在合理期限内"; the default is the common 15 working days).
 */
export const ZDisclosureSettings = z.object({
  correctionPeriodWorkingDays: wholeNumberField(5, 60),
});
export type TDisclosureSettings = z.infer<typeof ZDisclosureSettings>;

export const defaultDisclosureSettings: TDisclosureSettings = { correctionPeriodWorkingDays: 15 };

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (day: string) =>
  dayPattern.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

/** One date a line (YYYY-MM-DD), blank lines ignored; every line must be a real date. */
const ZDayList = z
  .string()
  .max(4000, "tooLongMax|4000")
  .transform((text) => [...new Set(text.split(/[\s,，]+/).filter(Boolean))].sort())
  .refine((days) => days.every(isRealDay), "dateFormat");

/** Years entered in full, separated by spaces or commas. */
const ZYearList = z
  .string()
  .max(200, "tooLongMax|200")
  .transform((text) => [...new Set(text.split(/[\s,，]+/).filter(Boolean))])
  .refine((years) => years.every((year) => /^20\d{2}$/.test(year)), "yearFormat")
  .transform((years) => years.map(Number).sort());

/** The administrator's calendar override form (holidays, make-up working days, complete years). */
export const ZCalendarForm = z.object({ holidays: ZDayList, workdays: ZDayList, years: ZYearList });

/** The stored override: what lib/calendar/workdays reads. */
export const ZCalendarOverrides = z.object({
  holidays: z.array(z.string().refine(isRealDay)),
  workdays: z.array(z.string().refine(isRealDay)),
  years: z.array(z.number().int()),
});
export type TStoredCalendar = z.infer<typeof ZCalendarOverrides>;
export const emptyCalendar: TStoredCalendar = { holidays: [], workdays: [], years: [] };
