import type { TFunction } from "i18next";
import { noticeCategories } from "@/lib/notices/categories";

/** The editor's labels, each at notices:editor.field.<key>. */
const fieldKeys = [
  "title",
  "titleEn",
  "titleEnHint",
  "category",
  "source",
  "body",
  "bodyHint",
  "scope",
  "scopeHint",
  "publishAt",
  "publishAtHint",
  "expiresAt",
  "expiresAtHint",
  "pinned",
  "urgent",
  "urgentHint",
  "date",
  "time",
  "timeHint",
  "preview",
  "previewHint",
  "previewEmpty",
  "previewButton",
  "attachments",
  "attachmentsHint",
  "removeAttachment",
  "save",
  "whole",
] as const;

/** The editor's labels: its fields' (above), the error summary's title and the select prompt. */
export type TNoticeFormLabels = Record<(typeof fieldKeys)[number] | "errorTitle" | "choose", string>;

/** The editor form's labels and category options, translated. */
export function noticeFormProps(t: TFunction): {
  labels: TNoticeFormLabels;
  categories: { value: string; label: string }[];
} {
  const labels = Object.fromEntries(
    fieldKeys.map((key) => [key, t(`notices:editor.field.${key}`)]),
  ) as TNoticeFormLabels;
  labels.errorTitle = t("errors:summaryTitle");
  labels.choose = t("errors:selectPrompt");
  return {
    labels,
    categories: noticeCategories.map((code) => ({ value: code, label: t(`catalog:noticeCategory.${code}`) })),
  };
}
