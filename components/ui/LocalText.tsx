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

/**
 * Text a person wrote (a letter and its reply): shown as written, in Traditional on zh-Hant pages;
 * on an English page, marked as Chinese when it is (it may be English).
 */
export function WrittenText({ locale, text }: { locale: TLocale; text: string }) {
  if (locale !== "en") return <LocalText locale={locale} zh={text} />;
  return <span lang={/\p{Script=Han}/u.test(text) ? "zh-Hans" : undefined}>{text}</span>;
}
