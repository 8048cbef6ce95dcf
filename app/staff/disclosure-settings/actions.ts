"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZCalendarForm, ZDisclosureSettings } from "@/lib/settings/disclosure";
import { saveCaseSettings, saveDisclosureSettings } from "@/lib/settings/queries";
import { saveNoticeReview, ZNoticeReviewForm } from "@/lib/notices/reviewLevels";
import { ZCaseSettings } from "@/lib/settings/cases";
import { saveCalendarOverrides } from "@/lib/deadlines/saveCalendarOverrides";
import { saveIndexNumbering, ZIndexNumberingForm } from "@/lib/disclosure/indexNumbering";

export const saveCorrectionPeriod = formAction({
  schema: ZDisclosureSettings,
  actor: "staff",
  run: async ({ input, actor }) => {
    await saveDisclosureSettings({ actor, settings: input });
    redirect("/staff/disclosure-settings?saved=period");
  },
});

export const saveCalendar = formAction({
  schema: ZCalendarForm,
  actor: "staff",
  run: async ({ input, actor }) => {
    const { requests, cases } = await saveCalendarOverrides({ actor, calendar: input });
    redirect(`/staff/disclosure-settings?saved=calendar&recomputed=${requests + cases}`);
  },
});

export const saveRatingPeriods = formAction({
  schema: ZCaseSettings,
  actor: "staff",
  run: async ({ input, actor }) => {
    await saveCaseSettings({ actor, settings: input });
    redirect("/staff/disclosure-settings?saved=cases");
  },
});

export const saveReviewLevels = formAction({
  schema: ZNoticeReviewForm,
  actor: "staff",
  run: async ({ input, actor }) => {
    await saveNoticeReview({ actor, review: input });
    redirect("/staff/disclosure-settings?saved=noticeReview");
  },
});

export const saveIndexNumberingForm = formAction({
  schema: ZIndexNumberingForm,
  actor: "staff",
  run: async ({ input, actor }) => {
    await saveIndexNumbering({ actor, entries: input.creditCodes });
    redirect("/staff/disclosure-settings?saved=indexNumbering");
  },
});
