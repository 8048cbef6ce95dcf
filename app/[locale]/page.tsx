import { Link } from "@/components/ui/Link";
import { pageT, type TLocaleProps } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { hotServices } from "@/lib/services/queries";
import { personThemes, legalPersonThemes } from "@/lib/services/themes";
import { latestDocuments } from "@/lib/disclosure/queries";
import { currentUrgentNotices, latestNotices } from "@/lib/notices/queries";
import { myCommunityCodes } from "@/lib/places/myCommunities";
import { getSessionUser } from "@/lib/auth/session";
import { LocalText } from "@/components/ui/LocalText";
import { SearchBox } from "@/components/ui/SearchBox";
import { Section } from "@/components/ui/Section";
import { ServiceList } from "@/components/services/ServiceLink";
import { MoreLink } from "@/components/ui/MoreLink";
import { UrgentBanner } from "@/components/notices/UrgentBanner";
import { ElderHome } from "@/components/layout/ElderHome";
import { getSiteSettings } from "@/lib/settings/queries";
import type { TLocale } from "@/lib/i18n/settings";

// the two ways in: services for people and for organisations, each with what it covers
const entries = [
  ["PERSON", "personHint"],
  ["LEGAL_PERSON", "legalHint"],
] as const;

const themeGroups = [
  ["PERSON", personThemes],
  ["LEGAL_PERSON", legalPersonThemes],
] as const;

/** The newest items of a kind, each with its date, and a link to the whole list. */
function DatedList<I extends { title: string; titleEn: string | null; publishedAt: Date | null }>({
  locale,
  items,
  href,
  badge,
  more,
}: {
  locale: TLocale;
  items: I[];
  href: (item: I) => string;
  badge?: (item: I) => string | null;
  more: { href: string; label: string };
}) {
  return (
    <>
      <ul className="grid gap-2">
        {items.map((item) => (
          <li key={href(item)} className="flex justify-between gap-4">
            <span>
              {badge?.(item) ? (
                <span className="mr-2 border-2 border-ink px-1 text-sm">{badge(item)}</span>
              ) : null}
              <Link href={href(item)}>
                <LocalText locale={locale} zh={item.title} en={item.titleEn} />
              </Link>
            </span>
            <span className="whitespace-nowrap text-muted">{formatDate(locale, item.publishedAt)}</span>
          </li>
        ))}
      </ul>
      <MoreLink href={more.href}>{more.label}</MoreLink>
    </>
  );
}

export default async function HomePage({ params }: TLocaleProps) {
  const { locale, t } = await pageT(params, ["home", "catalog", "notices", "search"]);
  const mine = await myCommunityCodes({ userId: (await getSessionUser())?.id });
  const [hot, documents, notices, urgent, settings] = await Promise.all([
    hotServices(),
    latestDocuments(),
    latestNotices({ limit: 6, mine }),
    currentUrgentNotices({}),
    getSiteSettings(),
  ]);
  return (
    <div className="grid gap-8">
      <UrgentBanner locale={locale} t={t} notices={urgent} />
      <section aria-labelledby="home-title" className="bg-panel p-6">
        <h1 id="home-title" className="mb-4 text-3xl font-bold">
          {t("home:title")}
        </h1>
        <SearchBox locale={locale} t={t} id="home-q" />
      </section>

      <ElderHome locale={locale} t={t} services={hot.slice(0, 6)} hotline={settings.hotline} />

      {/* senior mode (长辈版) shows the tiles above instead of the entries, themes, lists and documents */}
      <section aria-labelledby="entries" className="elder-hide grid gap-4 md:grid-cols-2">
        <h2 id="entries" className="sr-only">
          {t("home:entries")}
        </h2>
        {entries.map(([audience, hint]) => (
          <Link
            key={audience}
            href={`/${locale}/services?audience=${audience}`}
            className="block border-2 border-line p-6 hover:border-brand"
          >
            <span className="block text-2xl font-bold">{t(`catalog:audience.${audience}`)}</span>
            <span className="text-muted">{t(`home:${hint}`)}</span>
          </Link>
        ))}
      </section>

      <Section id="themes" title={t("home:themes")} className="elder-hide">
        {themeGroups.map(([audience, themes]) => (
          <div key={audience}>
            <h3 className="mb-2 font-bold">{t(`catalog:audience.${audience}`)}</h3>
            <ul className="mb-4 flex flex-wrap gap-2">
              {themes.map((theme) => (
                <li key={theme}>
                  <Link
                    href={`/${locale}/services?audience=${audience}&theme=${theme}`}
                    className="inline-block border border-line px-3 py-1"
                  >
                    {t(`catalog:theme.${theme}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Section>

      <Section id="hot" title={t("home:hot")} className="elder-hide">
        <ServiceList locale={locale} services={hot} className="grid gap-2 md:grid-cols-2" />
      </Section>

      <div className="grid gap-8 md:grid-cols-2">
        <Section id="latest-notices" title={t("home:latestNotices")}>
          <DatedList
            locale={locale}
            items={notices}
            href={(notice) => `/${locale}/notices/${notice.id}`}
            badge={(notice) => (notice.urgent ? t("notices:urgent") : notice.mine ? t("notices:mine") : null)}
            more={{ href: `/${locale}/notices`, label: t("home:moreNotices") }}
          />
        </Section>
        <Section id="latest-documents" title={t("home:latestDocuments")} className="elder-hide">
          <DatedList
            locale={locale}
            items={documents}
            href={(doc) => `/${locale}/disclosure/${doc.indexNo}`}
            more={{ href: `/${locale}/disclosure`, label: t("home:moreDocuments") }}
          />
        </Section>
      </div>
    </div>
  );
}
