import Link from "next/link";
import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import type { TSiteSettings } from "@/lib/settings/site";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { LocalText } from "@/components/ui/LocalText";
import { Button } from "@/components/ui/Button";

type Props = {
  locale: TLocale;
  locales: readonly TLocale[];
  t: TFunction;
  settings: TSiteSettings;
  path: string;
  elder: boolean;
  citizenName: string | null;
  signOut: (formData: FormData) => Promise<void>;
};

export function SiteHeader({ locale, locales, t, settings, path, elder, citizenName, signOut }: Props) {
  const nav = [
    { href: `/${locale}`, label: t("nav.home") },
    { href: `/${locale}/disclosure`, label: t("nav.disclosure") },
    { href: `/${locale}/services`, label: t("nav.services") },
    { href: `/${locale}/notices`, label: t("nav.notices") },
    { href: `/${locale}/letters`, label: t("nav.letters") },
    { href: `/${locale}/track`, label: t("nav.track") },
  ];
  const pathname = path.split("?")[0];
  return (
    <header className="no-print border-b-4 border-brand">
      <div className="bg-panel text-sm">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-end gap-x-4 gap-y-1 px-4 py-1">
          <form method="post" action={`/${locale}/elder-mode`}>
            <input type="hidden" name="elder" value={elder ? "0" : "1"} />
            <input type="hidden" name="returnTo" value={path} />
            <Button variant="link">{elder ? t("elder.off") : t("elder.on")}</Button>
          </form>
          <Link href={`/${locale}/accessibility`}>{t("footer.accessibility")}</Link>
          <LanguageSwitcher
            locale={locale}
            locales={locales}
            path={path}
            label={t("language.label")}
            names={t}
          />
          {citizenName ? (
            <>
              <Link href={`/${locale}/account`}>{t("account.mine", { name: citizenName })}</Link>
              <form action={signOut}>
                <input type="hidden" name="returnTo" value={`/${locale}`} />
                <Button variant="link">{t("account.signOut")}</Button>
              </form>
            </>
          ) : (
            <>
              <Link href={`/${locale}/sign-in`}>{t("account.signIn")}</Link>
              <Link href={`/${locale}/register`}>{t("account.register")}</Link>
            </>
          )}
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-4">
        <Link href={`/${locale}`} className="text-2xl font-bold text-brand no-underline">
          <LocalText locale={locale} zh={settings.siteName.zh} en={settings.siteName.en} />
        </Link>
      </div>
      <nav aria-label={t("nav.label")} className="bg-brand">
        <ul className="mx-auto flex max-w-6xl flex-wrap px-4">
          {nav.map((item) => {
            const current =
              item.href === `/${locale}` ? pathname === item.href : pathname.startsWith(item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current ? "page" : undefined}
                  className={`block px-4 py-3 font-medium text-white ${current ? "bg-brand-dark underline" : "no-underline hover:underline"}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
