import type { Metadata } from "next";
import "../globals.css";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SkipLink } from "@/components/layout/SkipLink";
import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { getT } from "@/lib/i18n/server";
import { currentPath, isElderMode, localeParam } from "@/lib/i18n/request";
import { getSiteSettings } from "@/lib/settings/queries";
import { locales } from "@/lib/i18n/settings";
import { lt } from "@/lib/i18n/content";
import { signOut } from "./actions";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const [settings, t] = await Promise.all([getSiteSettings(), getT(locale)]);
  const siteName = lt(locale, settings.siteName.zh, settings.siteName.en);
  return {
    title: { default: siteName, template: `%s - ${siteName}` },
    description: t("siteDescription", { site: siteName }),
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const locale = await localeParam(params);
  const [t, settings, user, path, elder] = await Promise.all([
    getT(locale),
    getSiteSettings(),
    getSessionUser(),
    currentPath(`/${locale}`),
    isElderMode(),
  ]);
  return (
    <html lang={locale} className={elder ? "elder" : undefined}>
      <body className="flex min-h-screen flex-col font-sans">
        <SkipLink label={t("skipToContent")} />
        <SiteHeader
          locale={locale}
          locales={locales}
          t={t}
          settings={settings}
          path={path}
          elder={elder}
          citizenName={isCitizen(user) ? user.name : null}
          signOut={signOut}
        />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none"
        >
          {locale === "en" ? (
            // shown (globals.css) only when the page holds content in Chinese (marked lang="zh-…"):
            // once per page, whichever page, with or without JavaScript
            <p className="untranslated-note mb-4 border-l-4 border-brand bg-panel px-4 py-2">
              {t("untranslated")}
            </p>
          ) : null}
          {children}
        </main>
        <SiteFooter locale={locale} t={t} settings={settings} />
      </body>
    </html>
  );
}
