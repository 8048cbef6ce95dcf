import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { getCalendarOverrides, getCaseSettings, getDisclosureSettings } from "@/lib/settings/queries";
import { getNoticeReview } from "@/lib/notices/reviewLevels";
import { calendarVersion } from "@/lib/calendar/workdays";
import { StaffPage } from "@/components/staff/StaffPage";
import { FormSection } from "@/components/form/FormSection";
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
    <StaffPage title={t("disclosure:settings.title")} status={status}>
      <FormSection
        id="correction"
        title={t("disclosure:settings.periodTitle")}
        intro={t("disclosure:settings.periodIntro")}
        t={t}
        action={saveCorrectionPeriod}
        initialValues={{ correctionPeriodWorkingDays: String(settings.correctionPeriodWorkingDays) }}
        fields={[
          {
            name: "correctionPeriodWorkingDays",
            type: "text",
            label: t("disclosure:settings.periodField"),
            hint: t("disclosure:settings.periodHint"),
            autoComplete: "off",
          },
        ]}
        submitLabel={t("disclosure:settings.save")}
      />
      <FormSection
        id="calendar"
        title={t("disclosure:settings.calendarTitle")}
        intro={t("disclosure:settings.calendarIntro", { version: calendarVersion })}
        t={t}
        action={saveCalendar}
        initialValues={{
          holidays: calendar.holidays.join("\n"),
          workdays: calendar.workdays.join("\n"),
          years: calendar.years.join(" "),
        }}
        fields={[
          {
            name: "holidays",
            type: "textarea",
            rows: 5,
            label: t("disclosure:settings.holidays"),
            hint: t("disclosure:settings.daysHint"),
          },
          {
            name: "workdays",
            type: "textarea",
            rows: 3,
            label: t("disclosure:settings.workdays"),
            hint: t("disclosure:settings.daysHint"),
          },
          {
            name: "years",
            type: "text",
            label: t("disclosure:settings.years"),
            hint: t("disclosure:settings.yearsHint"),
            autoComplete: "off",
          },
        ]}
        submitLabel={t("disclosure:settings.save")}
      />
      <FormSection
        id="ratings"
        title={t("staff:caseSettings.title")}
        intro={t("staff:caseSettings.intro")}
        t={t}
        action={saveRatingPeriods}
        initialValues={{ followUpDays: String(cases.followUpDays), appealDays: String(cases.appealDays) }}
        fields={[
          {
            name: "followUpDays",
            type: "text",
            label: t("staff:caseSettings.followUpDays"),
            hint: t("staff:caseSettings.hint"),
            autoComplete: "off",
          },
          {
            name: "appealDays",
            type: "text",
            label: t("staff:caseSettings.appealDays"),
            hint: t("staff:caseSettings.hint"),
            autoComplete: "off",
          },
        ]}
        submitLabel={t("staff:caseSettings.save")}
      />
      <FormSection
        id="notice-review"
        title={t("notices:reviewSettings.title")}
        intro={t("notices:reviewSettings.intro")}
        t={t}
        action={saveReviewLevels}
        initialValues={{ threeLevels: noticeReview.threeLevels.join("\n") }}
        fields={[
          {
            name: "threeLevels",
            type: "textarea",
            rows: 4,
            label: t("notices:reviewSettings.field"),
            hint: t("notices:reviewSettings.hint"),
          },
        ]}
        submitLabel={t("notices:reviewSettings.save")}
      />
      <FormSection
        id="index-numbering"
        title={t("disclosure:settings.indexTitle")}
        intro={t("disclosure:settings.indexIntro")}
        t={t}
        action={saveIndexNumberingForm}
        initialValues={{ creditCodes: indexNumbering }}
        fields={[
          {
            name: "creditCodes",
            type: "textarea",
            rows: 4,
            label: t("disclosure:settings.indexField"),
            hint: t("disclosure:settings.indexHint"),
          },
        ]}
        submitLabel={t("disclosure:settings.save")}
      />
    </StaffPage>
  );
}
