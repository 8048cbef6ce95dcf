import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { getCalendarOverrides, getCaseSettings, getDisclosureSettings } from "@/lib/settings/queries";
import { getNoticeReview } from "@/lib/notices/reviewLevels";
import { calendarVersion } from "@/lib/calendar/workdays";
import { StaffPage } from "@/components/staff/StaffPage";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { settingsForms } from "@/components/form/settingsForms";
import { indexNumberingText } from "@/lib/disclosure/indexNumbering";
import {
  saveCalendar,
  saveCorrectionPeriod,
  saveIndexNumberingForm,
  saveRatingPeriods,
  saveReviewLevels,
} from "./actions";

export const generateMetadata = staffPageMetadata("disclosure", "disclosure:settings.title");

/**
 * The locale group of each form, by the name its action redirects with (`?saved=`): the form's
 * title, intro and button, and the note once it saved.
 */
const groups = {
  period: "disclosure:settings.period",
  calendar: "disclosure:settings.calendar",
  cases: "staff:caseSettings",
  noticeReview: "notices:reviewSettings",
  indexNumbering: "disclosure:settings.index",
};

type TSaved = keyof typeof groups;

type Props = { searchParams: Promise<{ saved?: string; recomputed?: string }> };

/** Administrators set the 补正 period and the local calendar override (which recomputes provisional deadlines). */
export default async function DisclosureSettingsPage({ searchParams }: Props) {
  await orNotFound(openStaffArea({ actor: await requireStaff(), area: "disclosureSettings" }));
  const [t, settings, calendar, cases, noticeReview, indexNumbering] = await Promise.all([
    getT(defaultLocale, ["disclosure", "errors", "staff", "notices"]),
    getDisclosureSettings(),
    getCalendarOverrides(),
    getCaseSettings(),
    getNoticeReview(),
    indexNumberingText(),
  ]);
  const query = await searchParams;
  const saved = query.saved && Object.hasOwn(groups, query.saved) ? groups[query.saved as TSaved] : null;
  const form = settingsForms({
    t,
    values: {
      correctionPeriodWorkingDays: String(settings.correctionPeriodWorkingDays),
      holidays: calendar.holidays.join("\n"),
      workdays: calendar.workdays.join("\n"),
      years: calendar.years.join(" "),
      followUpDays: String(cases.followUpDays),
      appealDays: String(cases.appealDays),
      threeLevels: noticeReview.threeLevels.join("\n"),
      creditCodes: indexNumbering,
    },
    introValues: { version: calendarVersion },
  });
  const days = { hint: t("disclosure:settings.calendar.daysHint") };
  const caseDays = { hint: t("staff:caseSettings.hint") };
  const forms = [
    form("correction", groups.period, saveCorrectionPeriod, [
      field.text("correctionPeriodWorkingDays", t("disclosure:settings.period.field"), "off", {
        hint: t("disclosure:settings.period.hint"),
      }),
    ]),
    form("calendar", groups.calendar, saveCalendar, [
      field.textarea("holidays", t("disclosure:settings.calendar.holidays"), 5, days),
      field.textarea("workdays", t("disclosure:settings.calendar.workdays"), 3, days),
      field.text("years", t("disclosure:settings.calendar.years"), "off", {
        hint: t("disclosure:settings.calendar.yearsHint"),
      }),
    ]),
    form("ratings", groups.cases, saveRatingPeriods, [
      field.text("followUpDays", t("staff:caseSettings.followUpDays"), "off", caseDays),
      field.text("appealDays", t("staff:caseSettings.appealDays"), "off", caseDays),
    ]),
    form("notice-review", groups.noticeReview, saveReviewLevels, [
      field.textarea("threeLevels", t("notices:reviewSettings.field"), 4, {
        hint: t("notices:reviewSettings.hint"),
      }),
    ]),
    form("index-numbering", groups.indexNumbering, saveIndexNumberingForm, [
      field.textarea("creditCodes", t("disclosure:settings.index.field"), 4, {
        hint: t("disclosure:settings.index.hint"),
      }),
    ]),
  ];
  return (
    <StaffPage
      title={t("disclosure:settings.title")}
      status={saved ? t(`${saved}.saved`, { count: Number(query.recomputed) || 0 }) : null}
    >
      {forms.map((section) => (
        <FormSection key={section.id} {...section} />
      ))}
    </StaffPage>
  );
}
