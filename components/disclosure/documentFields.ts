import type { TFunction } from "i18next";
import type { TSimpleField } from "../form/SimpleForm";
import { field } from "../form/fields";
import { codeOptions } from "@/lib/i18n/options";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { docTypes } from "@/lib/disclosure/doc-types";

/** The editor's document form fields (the 索引号 is never typed). */
export function documentFields(
  t: TFunction,
  departments?: { value: string; label: string }[],
): TSimpleField[] {
  return [
    ...(departments ? [field.select("department", t("disclosure:field.department"), departments)] : []),
    { name: "title", type: "text", label: t("disclosure:field.title") },
    { name: "titleEn", type: "text", label: t("disclosure:editor.titleEn") },
    field.select(
      "category",
      t("disclosure:field.category"),
      codeOptions(t, "catalog:category", disclosureCategories),
    ),
    field.select("docType", t("disclosure:field.docType"), codeOptions(t, "catalog:docType", docTypes)),
    {
      name: "docNumber",
      type: "text",
      label: t("disclosure:field.docNumber"),
      hint: t("disclosure:editor.docNumberHint"),
    },
    { name: "keywords", type: "text", label: t("disclosure:field.keywords") },
    {
      name: "writtenOn",
      type: "text",
      label: t("disclosure:field.writtenOn"),
      hint: t("disclosure:editor.dateHint"),
    },
    {
      name: "madeOn",
      type: "text",
      label: t("disclosure:editor.madeOn"),
      hint: t("disclosure:editor.madeOnHint"),
    },
    { name: "source", type: "text", label: t("disclosure:field.source") },
    { name: "summary", type: "textarea", label: t("disclosure:field.summary") },
    field.textarea("body", t("disclosure:editor.body"), 16, { hint: t("disclosure:editor.bodyHint") }),
  ];
}
