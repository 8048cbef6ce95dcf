import type { TFunction } from "i18next";
import type { TSimpleField } from "../form/SimpleForm";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { docTypes } from "@/lib/disclosure/doc-types";

/** The editor's document form fields (the 索引号 is never typed). */
export function documentFields(
  t: TFunction,
  departments?: { value: string; label: string }[],
): TSimpleField[] {
  return [
    ...(departments
      ? [
          {
            name: "department",
            type: "select" as const,
            label: t("disclosure:field.department"),
            options: departments,
          },
        ]
      : []),
    { name: "title", type: "text", label: t("disclosure:field.title") },
    { name: "titleEn", type: "text", label: t("disclosure:editor.titleEn") },
    {
      name: "category",
      type: "select",
      label: t("disclosure:field.category"),
      options: disclosureCategories.map((c) => ({ value: c, label: t(`catalog:category.${c}`) })),
    },
    {
      name: "docType",
      type: "select",
      label: t("disclosure:field.docType"),
      options: docTypes.map((c) => ({ value: c, label: t(`catalog:docType.${c}`) })),
    },
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
    {
      name: "body",
      type: "textarea",
      rows: 16,
      label: t("disclosure:editor.body"),
      hint: t("disclosure:editor.bodyHint"),
    },
  ];
}
