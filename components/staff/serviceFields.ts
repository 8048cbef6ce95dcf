import type { TFunction } from "i18next";
import type { TSimpleField } from "../form/SimpleForm";
import { field } from "../form/fields";
import { codeOptions } from "@/lib/i18n/options";
import type { getServiceForEdit } from "@/lib/services/queries";
import { dayCounts, serviceAudiences, serviceTypes } from "@/lib/services/updateService";
import { allThemes } from "@/lib/services/themes";

type TService = NonNullable<Awaited<ReturnType<typeof getServiceForEdit>>>;

// the guide's one-line texts: the form field and the guide's label for it
const guideTexts = {
  fee: "fee",
  location: "location",
  hours: "hours",
  consultPhone: "consultPhone",
  complaintPhone: "complaintPhone",
  resultName: "result",
  delivery: "delivery",
} as const;
// the guide's lists and the form definition are edited as JSON
const guideJson = ["legalBasis", "conditions", "materials", "process", "faq"] as const;

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The administrator's service form: the whole 办事指南 and the application form definition. */
export function serviceFields(t: TFunction): TSimpleField[] {
  const label = (key: string) => t(`services:guide.${key}`);
  return [
    { name: "name", type: "text", label: label("name") },
    { name: "nameEn", type: "text", label: t("staff:services.nameEn") },
    { name: "summary", type: "textarea", label: t("staff:services.summary") },
    { name: "summaryEn", type: "textarea", label: t("staff:services.summaryEn") },
    field.radio("type", label("type"), codeOptions(t, "catalog:serviceType", serviceTypes)),
    field.radio("audience", label("audience"), codeOptions(t, "catalog:audienceParty", serviceAudiences)),
    { name: "themes", type: "text", label: t("staff:services.themes"), hint: allThemes.join(", ") },
    {
      name: "statutoryDays",
      type: "text",
      label: label("statutory"),
      hint: t("staff:services.statutoryHint"),
    },
    field.radio(
      "statutoryDayCount",
      t("staff:services.dayCount"),
      codeOptions(t, "staff:services.dayCountOption", dayCounts),
    ),
    {
      name: "statutorySource",
      type: "text",
      label: t("staff:services.statutorySource"),
      hint: t("staff:services.statutorySourceHint"),
    },
    { name: "promisedDays", type: "text", label: label("promised"), hint: t("staff:services.daysHint") },
    field.radio(
      "visits",
      label("visits"),
      ["0", "1", "2"].map((v) => ({ value: v, label: v })),
    ),
    ...Object.entries(guideTexts).map(([name, key]) => ({ name, type: "text" as const, label: label(key) })),
    { name: "specialSteps", type: "textarea", label: label("specialSteps") },
    ...guideJson.map((key) => ({
      name: key,
      type: "textarea" as const,
      rows: 8,
      label: t("staff:services.jsonField", { label: label(key) }),
    })),
    field.textarea("form", t("staff:services.form"), 16, { hint: t("staff:services.formHint") }),
    field.radio("published", t("staff:services.publishedLabel"), [
      { value: "yes", label: t("staff:services.published") },
      { value: "no", label: t("staff:services.unpublished") },
    ]),
  ];
}

/** The service as the form's starting values: numbers as text, lists and the form as JSON. */
export function serviceValues(service: TService): Record<string, string> {
  return {
    name: service.name,
    nameEn: service.nameEn,
    summary: service.summary,
    summaryEn: service.summaryEn ?? "",
    type: service.type,
    audience: service.audience,
    themes: service.themes.join(", "),
    statutoryDays: service.statutoryDays === null ? "" : String(service.statutoryDays),
    statutoryDayCount: service.statutoryDayCount,
    statutorySource: service.statutorySource ?? "",
    promisedDays: String(service.promisedDays),
    visits: String(service.visits),
    ...Object.fromEntries(
      Object.keys(guideTexts).map((name) => [name, service[name as keyof typeof guideTexts]]),
    ),
    specialSteps: service.specialSteps ?? "",
    ...Object.fromEntries([...guideJson, "form" as const].map((name) => [name, json(service[name])])),
    published: service.published ? "yes" : "no",
  };
}
