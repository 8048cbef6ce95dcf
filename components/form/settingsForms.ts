import type { TFunction } from "i18next";
import type { ComponentProps } from "react";
import type { FormSection } from "./FormSection";
import type { TSimpleField } from "./SimpleForm";

type TFormSection = ComponentProps<typeof FormSection>;

type TOptions = { t: TFunction; values: Record<string, string>; introValues?: Record<string, string> };

/**
 * The forms of a settings page as data, one call a form: its id, the locale group that holds its
 * `title`, `intro` and `save` label, its action and its fields. Every field starts from the page's
 * current value of the setting it names (`values`); `introValues` fill the intros' placeholders.
 */
export function settingsForms({ t, values, introValues = {} }: TOptions) {
  return (
    id: string,
    group: string,
    action: TFormSection["action"],
    fields: TSimpleField[],
  ): TFormSection => ({
    id,
    title: t(`${group}.title`),
    intro: t(`${group}.intro`, introValues),
    action,
    initialValues: Object.fromEntries(fields.map(({ name }) => [name, values[name] ?? ""])),
    fields,
    submitLabel: t(`${group}.save`),
  });
}
