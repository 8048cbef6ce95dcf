"use server";

import { redirect } from "next/navigation";
import { formAction, staffSettingsForms } from "@/lib/actions/formAction";
import { ZCalendarForm, ZDisclosureSettings } from "@/lib/settings/disclosure";
import { saveCaseSettings, saveDisclosureSettings } from "@/lib/settings/queries";
import { saveNoticeReview, ZNoticeReviewForm } from "@/lib/notices/reviewLevels";
import { ZCaseSettings } from "@/lib/settings/cases";
import { saveCalendarOverrides } from "@/lib/deadlines/saveCalendarOverrides";
import { saveIndexNumbering, ZIndexNumberingForm } from "@/lib/disclosure/indexNumbering";

const form = staffSettingsForms("/staff/disclosure-settings");

export const saveCorrectionPeriod = form("period", ZDisclosureSettings, saveDisclosureSettings, "settings");

// saving the calendar recomputes the open deadlines: the page says how many moved
export const saveCalendar = formAction({
  schema: ZCalendarForm,
  actor: "staff",
  run: async ({ input, actor }) => {
    const { requests, cases } = await saveCalendarOverrides({ actor, calendar: input });
    redirect(`/staff/disclosure-settings?saved=calendar&recomputed=${requests + cases}`);
  },
});

export const saveRatingPeriods = form("cases", ZCaseSettings, saveCaseSettings, "settings");

export const saveReviewLevels = form("noticeReview", ZNoticeReviewForm, saveNoticeReview, "review");

// the form sends the credit codes; the use case takes them as its entries
export const saveIndexNumberingForm = formAction({
  schema: ZIndexNumberingForm,
  actor: "staff",
  run: async ({ input, actor }) => {
    await saveIndexNumbering({ actor, entries: input.creditCodes });
    redirect("/staff/disclosure-settings?saved=indexNumbering");
  },
});
