import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";

const portalPages = ["accessibility", "privacy", "contact"] as const;

/** The portal's pages about itself, as [href, label]: linked from every page's footer and the site map. */
export function portalPageLinks(locale: TLocale, t: TFunction): [string, string][] {
  return portalPages.map((page) => [`/${locale}/${page}`, t(`footer.${page}`)]);
}
