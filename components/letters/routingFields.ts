import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { lt } from "@/lib/i18n/content";
import { codeOptions } from "@/lib/i18n/options";
import { letterKinds, mayorMailbox } from "@/lib/letters/kinds";
import type { TSimpleField } from "@/components/form/SimpleForm";

/**
 * A letter's kind and mailbox, as the writer's form and the hotline operator's form both ask
 * them: the 市长信箱 first, then every department in the page's language.
 */
export function letterRoutingFields(
  t: TFunction,
  locale: TLocale,
  departments: { code: string; name: string; nameEn: string }[],
): TSimpleField[] {
  return [
    {
      name: "kind",
      type: "radio",
      label: t("letters:field.kind"),
      options: codeOptions(t, "letters:kind", letterKinds),
    },
    {
      name: "mailbox",
      type: "select",
      label: t("letters:field.mailbox"),
      options: [
        { value: mayorMailbox, label: t("letters:mayorMailbox") },
        ...departments.map((d) => ({ value: d.code, label: lt(locale, d.name, d.nameEn) })),
      ],
    },
  ];
}
