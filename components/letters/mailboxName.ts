import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { lt } from "@/lib/i18n/content";

/** A letter's mailbox in the page's language: its department, or the 市长信箱 when it has none. */
export function mailboxName(
  t: TFunction,
  locale: TLocale,
  department: { name: string; nameEn: string } | null | undefined,
): string {
  return department ? lt(locale, department.name, department.nameEn) : t("letters:mayorMailbox");
}
