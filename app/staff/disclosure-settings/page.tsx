import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { getCalendarOverrides, getCaseSettings, getDisclosureSettings } from "@/lib/settings/queries";
import { getNoticeReview } from "@/lib/notices/reviewLevels";
import { calendarVersion } from "@/lib/calendar/workdays";
import { PageHeader } from "@/components/staff/PageHeader";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { indexNumberingText } from "@/lib/disclosure/indexNumbering";
import {
  saveCalendar,
  saveCorrectionPeriod,
  saveIndexNumberingForm,
  saveRatingPeriods,
  saveReviewLevels,
} from "./actions";

export const generateMetadata = staffPageMetadata("disclosure", "disclosure:settings.title");

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
  const status =
    query.saved === "period"
      ? t("disclosure:settings.periodSaved")
      : query.saved === "calendar"
        ? t("disclosure:settings.calendarSaved", { count: Number(query.recomputed) || 0 })
        : query.saved === "cases"
          ? t("staff:caseSettings.saved")
          : query.saved === "noticeReview"
            ? t("notices:reviewSettings.saved")
            : query.saved === "indexNumbering"
              ? t("disclosure:settings.indexSaved")
              : null;
  return (
    <div className="grid gap-6">
      <PageHeader title={t("disclosure:settings.title")} status={status} />
      <FormSection
        id="correction"
        title={t("disclosure:settings.periodTitle")}
        intro={t("disclosure:settings.periodIntro")}
        action={saveCorrectionPeriod}
        initialValues={{ correctionPeriodWorkingDays: String(settings.correctionPeriodWorkingDays) }}
        fields={[
          field.text("correctionPeriodWorkingDays", t("disclosure:settings.periodField"), "off", {
            hint: t("disclosure:settings.periodHint"),
          }),
        ]}
        submitLabel={t("disclosure:settings.save")}
      />
      <FormSection
        id="calendar"
        title={t("disclosure:settings.calendarTitle")}
        intro={t("disclosure:settings.calendarIntro", { version: calendarVersion })}
        action={saveCalendar}
        initialValues={{
          holidays: calendar.holidays.join("\n"),
          workdays: calendar.workdays.join("\n"),
          years: calendar.years.join(" "),
        }}
        fields={[
          field.textarea("holidays", t("disclosure:settings.holidays"), 5, {
            hint: t("disclosure:settings.daysHint"),
          }),
          field.textarea("workdays", t("disclosure:settings.workdays"), 3, {
            hint: t("disclosure:settings.daysHint"),
          }),
          field.text("years", t("disclosure:settings.years"), "off", {
            hint: t("disclosure:settings.yearsHint"),
          }),
        ]}
        submitLabel={t("disclosure:settings.save")}
      />
      <FormSection
        id="ratings"
        title={t("staff:caseSettings.title")}
        intro={t("staff:caseSettings.intro")}
        action={saveRatingPeriods}
        initialValues={{ followUpDays: String(cases.followUpDays), appealDays: String(cases.appealDays) }}
        fields={[
          field.text("followUpDays", t("staff:caseSettings.followUpDays"), "off", {
            hint: t("staff:caseSettings.hint"),
          }),
          field.text("appealDays", t("staff:caseSettings.appealDays"), "off", {
            hint: t("staff:caseSettings.hint"),
          }),
        ]}
        submitLabel={t("staff:caseSettings.save")}
      />
      <FormSection
        id="notice-review"
        title={t("notices:reviewSettings.title")}
        intro={t("notices:reviewSettings.intro")}
        action={saveReviewLevels}
        initialValues={{ threeLevels: noticeReview.threeLevels.join("\n") }}
        fields={[
          field.textarea("threeLevels", t("notices:reviewSettings.field"), 4, {
            hint: t("notices:reviewSettings.hint"),
          }),
        ]}
        submitLabel={t("notices:reviewSettings.save")}
      />
      <FormSection
        id="index-numbering"
        title={t("disclosure:settings.indexTitle")}
        intro={t("disclosure:settings.indexIntro")}
        action={saveIndexNumberingForm}
        initialValues={{ creditCodes: indexNumbering }}
        fields={[
          field.textarea("creditCodes", t("disclosure:settings.indexField"), 4, {
            hint: t("disclosure:settings.indexHint"),
          }),
        ]}
        submitLabel={t("disclosure:settings.save")}
      />
    </div>
  );
}
