import "server-only";
import { cache } from "react";
import { createInstance, type TFunction } from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { defaultLocale, namespaces, type TLocale, type TNamespace } from "./settings";

/** One i18next instance per request and locale; namespaces are loaded from locales/ on demand. */
const instanceFor = cache(async (locale: TLocale) => {
  const instance = createInstance();
  await instance
    .use(resourcesToBackend((lng: string, ns: string) => import(`../../locales/${lng}/${ns}.json`)))
    .init({
      lng: locale,
      fallbackLng: false,
      supportedLngs: ["zh-Hans", "zh-Hant", "en"],
      ns: [],
      defaultNS: "common",
      fallbackNS: "common",
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return instance;
});

/** The translation function for a locale and the namespaces a page uses ("common" always). */
export async function getT(locale: TLocale, ns: TNamespace | TNamespace[] = "common"): Promise<TFunction> {
  const instance = await instanceFor(locale);
  const wanted = Array.from(new Set(["common", ...(Array.isArray(ns) ? ns : [ns])]));
  await instance.loadNamespaces(wanted);
  return instance.getFixedT(locale, wanted as TNamespace[]);
}

export { defaultLocale, namespaces };
