import "server-only";
import { cache } from "react";
import type { Metadata } from "next";
import { createInstance, type i18n, type TFunction } from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { defaultLocale, type TLocale, type TNamespace } from "./settings";
import { localeParam, renderLocale } from "./request";

async function createLocaleInstance(locale: TLocale): Promise<i18n> {
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
}

// In production the locale files cannot change while the server runs: one instance per locale
// for the life of the process, its namespaces loaded once (a per-request instance parsed and
// stored every namespace again on every request). Nothing changes an instance after it is made
// (no changeLanguage, no added resources), so requests can share it.
const shared = new Map<TLocale, Promise<i18n>>();
function sharedInstance(locale: TLocale): Promise<i18n> {
  let instance = shared.get(locale);
  if (!instance) {
    instance = createLocaleInstance(locale);
    instance.catch(() => shared.delete(locale));
    shared.set(locale, instance);
  }
  return instance;
}

/** One i18next instance per locale (per request in development, where locale files are edited). */
const instanceFor = process.env.NODE_ENV === "production" ? sharedInstance : cache(createLocaleInstance);

/** How many plain messages one translation function keeps: every key the code names, with room to spare. */
export const rememberedMessages = 4096;

/**
 * `t` that keeps what a key alone (no options) translates to. A page calls `t` a few hundred
 * times, and i18next resolves each call afresh: it splits the key, walks the namespaces, runs
 * its plural and nesting checks and the interpolation pattern, about 1.7 ms of a signed-in
 * page's 27 ms of CPU (profiled). Nothing changes an instance's resources after its namespaces
 * load, so a key's plain message in those namespaces never changes either. A key naming another
 * namespace ("catalog:…") may read one that loads later, and calls with options (values, counts,
 * contexts) are worked out each time: both still go to i18next. At most `rememberedMessages`
 * keys are kept, in case a key is ever built from input.
 */
export function rememberingT(t: TFunction, namespaces: readonly string[]): TFunction {
  const messages = new Map<string, string>();
  const own = new Set(namespaces);
  const translate = t as unknown as (...args: unknown[]) => unknown;
  const remembering = (...args: unknown[]) => {
    const [key] = args;
    if (args.length !== 1 || typeof key !== "string") return translate(...args);
    const separator = key.indexOf(":");
    if (separator >= 0 && !own.has(key.slice(0, separator))) return translate(key);
    let message = messages.get(key);
    if (message === undefined) {
      const translated = translate(key);
      if (typeof translated !== "string" || messages.size >= rememberedMessages) return translated;
      message = translated;
      messages.set(key, message);
    }
    return message;
  };
  // what i18next's fixed `t` carries besides (its language, namespaces and key prefix)
  const carried = t as unknown as Record<string, unknown>;
  return Object.assign(remembering, {
    lng: carried.lng,
    ns: carried.ns,
    keyPrefix: carried.keyPrefix,
  }) as unknown as TFunction;
}

/** The translation functions of an instance, by the namespaces they read. */
const fixedTs = new WeakMap<i18n, Map<string, TFunction>>();

/** The translation function for a locale and the namespaces a page uses ("common" always). */
export async function getT(locale: TLocale, ns: TNamespace | TNamespace[] = "common"): Promise<TFunction> {
  const instance = await instanceFor(locale);
  const wanted = Array.from(new Set(["common", ...(Array.isArray(ns) ? ns : [ns])]));
  await instance.loadNamespaces(wanted);
  let byNamespaces = fixedTs.get(instance);
  if (!byNamespaces) fixedTs.set(instance, (byNamespaces = new Map()));
  const name = wanted.join(" ");
  let t = byNamespaces.get(name);
  if (!t)
    byNamespaces.set(name, (t = rememberingT(instance.getFixedT(locale, wanted as TNamespace[]), wanted)));
  return t;
}

/** The translation function for the locale this request renders in (see renderLocale). */
export async function renderT(ns: TNamespace | TNamespace[] = "common"): Promise<TFunction> {
  return getT(renderLocale(), ns);
}

/** The props of a `[locale]` page that has no other route parameter. */
export type TLocaleProps = { params: Promise<{ locale: string }> };

/**
 * What every `[locale]` page sets up first: its locale (a 404 for anything else) and the
 * translation function for the namespaces it uses.
 */
export async function pageT(
  params: Promise<{ locale: string }>,
  ns: TNamespace | TNamespace[] = "common",
): Promise<{ locale: TLocale; t: TFunction }> {
  const locale = await localeParam(params);
  return { locale, t: await getT(locale, ns) };
}

/** `generateMetadata` for a `[locale]` page whose title is one translated key. */
export function pageMetadata(ns: TNamespace, key: string) {
  return async ({ params }: TLocaleProps): Promise<Metadata> => ({ title: (await pageT(params, ns)).t(key) });
}

/** `generateMetadata` for a staff page (staff pages speak the default locale) titled by one key. */
export function staffPageMetadata(ns: TNamespace, key: string) {
  return async (): Promise<Metadata> => ({ title: (await getT(defaultLocale, ns))(key) });
}

/** `generateMetadata` for a page titled by its own route parameter (a tracking number, a service code). */
export function paramMetadata<K extends string>(name: K) {
  return async ({ params }: { params: Promise<Record<K, string>> }): Promise<Metadata> => ({
    title: (await params)[name],
  });
}
