/**
 * A short page answered before Next renders anything (a refusal, a busy server): the errors
 * namespace's text in the page's language, with a link home, as plain HTML that needs no script
 * or style. Free of `server-only` and of Next: proxy.ts and scripts/server.ts both use it.
 */
import { defaultLocale, isLocale, type TLocale } from "../i18n/settings";
import zhHans from "../../locales/zh-Hans/errors.json";
import zhHant from "../../locales/zh-Hant/errors.json";
import en from "../../locales/en/errors.json";
import zhHansCommon from "../../locales/zh-Hans/common.json";
import zhHantCommon from "../../locales/zh-Hant/common.json";
import enCommon from "../../locales/en/common.json";

/** The errors namespace in each language. */
export const errorTexts: Record<TLocale, typeof en> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

const homeLink: Record<TLocale, string> = {
  "zh-Hans": zhHansCommon.notFound.home,
  "zh-Hant": zhHantCommon.notFound.home,
  en: enCommon.notFound.home,
};

/** The language of the page at `pathname` (its first segment), or `otherwise`. */
export function localeOfPath(pathname: string, otherwise: TLocale = defaultLocale): TLocale {
  const segment = pathname.split("/")[1];
  return isLocale(segment) ? segment : otherwise;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page: `title` as its title and heading, `body` below, then a link to `home` (the locale's home by default). */
export function plainPage(input: { locale: TLocale; title: string; body: string; home?: string }): string {
  const { locale, title, body } = input;
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head><body><main>` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>` +
    `<p><a href="${escapeHtml(input.home ?? `/${locale}`)}">${escapeHtml(homeLink[locale])}</a></p></main></body></html>`
  );
}
