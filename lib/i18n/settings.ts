/** Locales in the URL; zh-Hans is the default. Shared by the server, proxy.ts and tests. */
export const locales = ["zh-Hans", "zh-Hant", "en"] as const;
export type TLocale = (typeof locales)[number];
export const defaultLocale: TLocale = "zh-Hans";
/** The elder-mode (长者模式) switch; read by the layout and by the page cache in proxy.ts. */
export const elderCookie = "onestop-elder";

/** One namespace per area of the product; pages load only what they use. */
export const namespaces = [
  "common",
  "home",
  "services",
  "catalog",
  "disclosure",
  "notices",
  "auth",
  "account",
  "apply",
  "staff",
  "receipt",
  "tokens",
  "notifications",
  "figures",
  "errors",
  "search",
  "audit",
  "result",
  "privacy",
  "users",
  "letters",
  "sms",
  "consultations",
  "pageFailed",
] as const;
export type TNamespace = (typeof namespaces)[number];

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The best locale for an Accept-Language header (q-values honoured); zh-TW/HK/MO mean Traditional. */
export function localeFromAcceptLanguage(header: string | null | undefined): TLocale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) {
      return /^zh-(hant|tw|hk|mo)/.test(tag) ? "zh-Hant" : "zh-Hans";
    }
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}
