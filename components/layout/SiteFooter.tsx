import { Link } from "@/components/ui/Link";
import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import type { TSiteSettings } from "@/lib/settings/site";
import { LocalText } from "@/components/ui/LocalText";
import { portalPageLinks } from "./portalPages";

/** The footer 《政府网站发展指引》 asks for: host, 网站标识码, ICP and 公安 records, contact, site map. */
export function SiteFooter({
  locale,
  t,
  settings,
}: {
  locale: TLocale;
  t: TFunction;
  settings: TSiteSettings;
}) {
  const pages = [[`/${locale}/sitemap`, t("footer.siteMap")], ...portalPageLinks(locale, t)];
  return (
    <footer className="no-print mt-8 border-t-4 border-brand bg-panel text-sm">
      <div className="mx-auto grid max-w-6xl gap-2 px-4 py-6">
        <nav aria-label={t("footer.links")} className="no-print">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {pages.map(([href, label]) => (
              <li key={href}>
                <Link href={href}>{label}</Link>
              </li>
            ))}
            <li>
              <a
                href={`mailto:${settings.email}?subject=${encodeURIComponent(t("footer.reportErrorSubject"))}`}
              >
                {t("footer.reportError")}
              </a>
            </li>
            {settings.errorReportUrl ? (
              <li>
                <a href={settings.errorReportUrl} rel="noopener noreferrer">
                  {t("footer.reportErrorNational")}
                </a>
              </li>
            ) : null}
            <li>
              <Link href="/staff/sign-in">{t("footer.staff")}</Link>
            </li>
          </ul>
        </nav>
        <p>
          {t("footer.host")}
          {t("colon")}
          <LocalText locale={locale} zh={settings.host.zh} en={settings.host.en} />
        </p>
        <p className="flex flex-wrap gap-x-4">
          <span>
            {t("footer.siteCode")}
            {t("colon")}
            {settings.siteCode}
          </span>
          <a href={settings.icpUrl} rel="noopener noreferrer">
            <LocalText locale={locale} zh={settings.icp} />
          </a>
          <a href={settings.psbUrl} rel="noopener noreferrer">
            <LocalText locale={locale} zh={settings.psb} />
          </a>
        </p>
        {settings.conacUrl ? (
          // the register's mark: the site is a verified Party and government website
          <p>
            <a
              href={settings.conacUrl}
              rel="noopener noreferrer"
              aria-label={t("footer.conacMarkLabel")}
              className="inline-block rounded-sm bg-red-700 px-3 py-1 font-bold text-white no-underline"
            >
              {t("footer.conacMark")}
            </a>
          </p>
        ) : null}
        <p className="flex flex-wrap gap-x-4">
          <span>
            {t("footer.address")}
            {t("colon")}
            <LocalText locale={locale} zh={settings.address.zh} en={settings.address.en} /> (
            {settings.postcode})
          </span>
          <span>
            {t("footer.phone")}
            {t("colon")}
            {settings.phone}
          </span>
          <span>
            {t("footer.hotline")}
            {t("colon")}
            {settings.hotline}
          </span>
        </p>
      </div>
    </footer>
  );
}
