import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { param } from "@/lib/i18n/search-params";
import { errorMessages } from "@/lib/i18n/messages";
import type { loadApplication } from "@/lib/cases/drafts";
import type { TFormState } from "@/lib/actions/formState";
import type { TFileHint } from "@/lib/services/formView";

/** What every part of the application pages reads: the service, the draft, the request and the words. */
export type TApplyView = {
  locale: TLocale;
  code: string;
  /** the pages' own address, before `?step=` */
  base: string;
  t: TFunction;
  application: Awaited<ReturnType<typeof loadApplication>>;
  query: Record<string, string | string[] | undefined>;
  /** a step sent back by its form route, with its errors and what was typed */
  returned: TFormState | null;
};

/**
 * What the form of any step posts and says: its form route, which service and step it is (and a
 * way back to the check page when it was opened from there), and the form's own words.
 */
export function stepFormProps(view: TApplyView, stepId: string) {
  const { t, locale, code, query } = view;
  return {
    postTo: "/api/forms/apply-step",
    hidden: {
      locale,
      serviceCode: code,
      stepId,
      ...(param(query.return, 10) === "check" ? { return: "check" } : {}),
    },
    text: {
      continue: t("apply:continue"),
      saveLater: t("apply:saveLater"),
      optional: t("apply:optional"),
      errorTitle: t("errors:summaryTitle"),
      currentFile: t("apply:currentFile"),
      replaceFile: t("apply:replaceFile"),
      select: t("apply:select"),
    },
    messages: errorMessages(t),
  };
}

/** How a file field says what it takes. */
export function fileHintOf(t: TFunction): TFileHint {
  return (types, size) => t("apply:fileHint", { types, size });
}
