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

/** Where a translated sentence takes a person's name: `t(key, { name: nameSlot })`. */
export const nameSlot = "\u241F";

/**
 * A translated sentence holding a person's name (`sentence` made with `{ name: nameSlot }`): the
 * name exactly as they wrote it (not converted on zh-Hant pages), marked as Chinese on an English
 * page when it is.
 */
export function WithName({ locale, sentence, name }: { locale: TLocale; sentence: string; name: string }) {
  if (!sentence.includes(nameSlot)) return <>{sentence}</>;
  const [before = "", ...rest] = sentence.split(nameSlot);
  return (
    <>
      {before}
      {locale === "en" && /\p{Script=Han}/u.test(name) ? <span lang="zh-Hans">{name}</span> : name}
      {rest.join(name)}
    </>
  );
}
