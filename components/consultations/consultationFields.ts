import type { TFunction } from "i18next";
import type { TSimpleField } from "@/components/form/SimpleForm";
import { codeOptions } from "@/lib/i18n/options";

/** The draft form's fields (new and edit): the departments given as code and name. */
export function consultationFields(
  t: TFunction,
  departments: { code: string; name: string }[],
): TSimpleField[] {
  const label = (field: string) => t(`consultations:editor.field.${field}`);
  return [
    { name: "title", type: "text", label: label("title") },
    {
      name: "department",
      type: "select",
      label: label("department"),
      options: departments.map((d) => ({ value: d.code, label: d.name })),
    },
    {
      name: "kind",
      type: "radio",
      label: label("kind"),
      options: codeOptions(t, "consultations:kind", ["ORDINARY", "MAJOR"]),
    },
    { name: "opensOn", type: "text", label: label("opensOn"), hint: label("dateHint") },
    { name: "closesOn", type: "text", label: label("closesOn"), hint: label("dateHint") },
    { name: "summary", type: "textarea", rows: 3, label: label("summary") },
    { name: "body", type: "textarea", rows: 16, label: label("body") },
  ];
}
