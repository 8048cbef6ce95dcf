import { localText } from "@/lib/i18n/content";
import type { TLocale } from "@/lib/i18n/settings";

/**
 * Content authored in Simplified Chinese, in the visitor's locale: English where stored,
 * OpenCC Traditional for zh-Hant; Chinese shown on an English page carries lang="zh-Hans".
 */
export function LocalText({ locale, zh, en }: { locale: TLocale; zh: string; en?: string | null }) {
  const text = localText(locale, zh, en);
  return <span lang={text.lang === locale ? undefined : text.lang}>{text.text}</span>;
}
