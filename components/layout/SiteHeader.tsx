import { Link } from "@/components/ui/Link";
import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import type { TSiteSettings } from "@/lib/settings/site";
import { ElderModeSwitch } from "./ElderModeSwitch";
import { ReadAloud } from "./ReadAloud";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { SiteNav } from "./SiteNav";
import { LocalText, WithName, nameSlot } from "@/components/ui/LocalText";
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
  return (
    <header className="no-print border-b-4 border-brand">
      <div className="bg-panel text-sm">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-end gap-x-4 gap-y-1 px-4 py-1 max-sm:justify-start max-sm:gap-x-3">
          <ElderModeSwitch
            locale={locale}
            elder={elder}
            path={path}
            label={elder ? t("elder.off") : t("elder.on")}
          />
          {elder ? (
            <ReadAloud read={t("elder.read")} stop={t("elder.stop")} unavailable={t("elder.readNoScript")} />
          ) : null}
          {/* on a phone the footer carries it: the header stays within a fifth of the screen */}
          <Link href={`/${locale}/accessibility`} className="max-sm:hidden">
            {t("footer.accessibility")}
          </Link>
          <LanguageSwitcher
            locale={locale}
            locales={locales}
            path={path}
            label={t("language.label")}
            names={Object.fromEntries(locales.map((l) => [l, t(`language.${l}`)])) as Record<TLocale, string>}
          />
          {citizenName ? (
            <>
              <Link href={`/${locale}/account`}>
                <WithName
                  locale={locale}
                  sentence={t("account.mine", { name: nameSlot })}
                  name={citizenName}
                />
              </Link>
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
      <div className="mx-auto max-w-6xl px-4 py-4 max-sm:py-2">
        <Link href={`/${locale}`} className="text-2xl font-bold text-brand no-underline max-sm:text-lg">
          <LocalText locale={locale} zh={settings.siteName.zh} en={settings.siteName.en} />
        </Link>
      </div>
      <SiteNav
        locale={locale}
        path={path}
        label={t("nav.label")}
        menuLabel={t("nav.menu")}
        names={{
          home: t("nav.home"),
          disclosure: t("nav.disclosure"),
          services: t("nav.services"),
          notices: t("nav.notices"),
          letters: t("nav.letters"),
          track: t("nav.track"),
        }}
      />
    </header>
  );
}
