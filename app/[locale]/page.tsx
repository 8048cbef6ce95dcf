import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { formatDate } from "@/lib/i18n/format";
import { hotServices } from "@/lib/services/queries";
import { personThemes, legalPersonThemes } from "@/lib/services/themes";
import { latestDocuments } from "@/lib/disclosure/queries";
import { latestNotices } from "@/lib/notices/queries";
import { myCommunityCodes } from "@/lib/places/myCommunities";
import { getSessionUser } from "@/lib/auth/session";
import { inputClass } from "@/components/ui/Field";
import { LocalText } from "@/components/ui/LocalText";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await localeParam(params);
  const mine = await myCommunityCodes({ userId: (await getSessionUser())?.id });
  const [t, hot, documents, notices] = await Promise.all([
    getT(locale, ["home", "catalog", "notices"]),
    hotServices(),
    latestDocuments(),
    latestNotices({ limit: 6, mine }),
  ]);
  return (
    <div className="grid gap-8">
      <section aria-labelledby="home-title" className="bg-panel p-6">
        <h1 id="home-title" className="mb-4 text-3xl font-bold">
          {t("home:title")}
        </h1>
        <form action={`/${locale}/search`} method="get" role="search" className="flex flex-wrap gap-2">
          <label htmlFor="home-q" className="sr-only">
            {t("home:searchLabel")}
          </label>
          <input
            id="home-q"
            name="q"
            type="search"
            className={`${inputClass} min-w-48 flex-1`}
            placeholder={t("home:searchPlaceholder")}
          />
          <button type="submit" className="bg-brand px-6 py-2 font-bold text-white">
            {t("search")}
          </button>
        </form>
      </section>

      <section aria-labelledby="entries" className="grid gap-4 md:grid-cols-2">
        <h2 id="entries" className="sr-only">
          {t("home:entries")}
        </h2>
        <Link
          href={`/${locale}/services?audience=PERSON`}
          className="block border-2 border-line p-6 hover:border-brand"
        >
          <span className="block text-2xl font-bold">{t("catalog:audience.PERSON")}</span>
          <span className="text-muted">{t("home:personHint")}</span>
        </Link>
        <Link
          href={`/${locale}/services?audience=LEGAL_PERSON`}
          className="block border-2 border-line p-6 hover:border-brand"
        >
          <span className="block text-2xl font-bold">{t("catalog:audience.LEGAL_PERSON")}</span>
          <span className="text-muted">{t("home:legalHint")}</span>
        </Link>
      </section>

      <section aria-labelledby="themes">
        <h2 id="themes" className="mb-3 text-xl font-bold">
          {t("home:themes")}
        </h2>
        <h3 className="mb-2 font-bold">{t("catalog:audience.PERSON")}</h3>
        <ul className="mb-4 flex flex-wrap gap-2">
          {personThemes.map((theme) => (
            <li key={theme}>
              <Link
                href={`/${locale}/services?audience=PERSON&theme=${theme}`}
                className="inline-block border border-line px-3 py-1"
              >
                {t(`catalog:theme.${theme}`)}
              </Link>
            </li>
          ))}
        </ul>
        <h3 className="mb-2 font-bold">{t("catalog:audience.LEGAL_PERSON")}</h3>
        <ul className="flex flex-wrap gap-2">
          {legalPersonThemes.map((theme) => (
            <li key={theme}>
              <Link
                href={`/${locale}/services?audience=LEGAL_PERSON&theme=${theme}`}
                className="inline-block border border-line px-3 py-1"
              >
                {t(`catalog:theme.${theme}`)}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="hot">
        <h2 id="hot" className="mb-3 text-xl font-bold">
          {t("home:hot")}
        </h2>
        <ul className="grid gap-2 md:grid-cols-2">
          {hot.map((service) => (
            <li key={service.code}>
              <Link href={`/${locale}/services/${service.code}`}>
                <LocalText locale={locale} zh={service.name} en={service.nameEn} />
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="latest-notices">
          <h2 id="latest-notices" className="mb-3 text-xl font-bold">
            {t("home:latestNotices")}
          </h2>
          <ul className="grid gap-2">
            {notices.map((notice) => (
              <li key={notice.id} className="flex justify-between gap-4">
                <span>
                  {notice.mine ? (
                    <span className="mr-2 border-2 border-ink px-1 text-sm">{t("notices:mine")}</span>
                  ) : null}
                  <Link href={`/${locale}/notices/${notice.id}`}>
                    <LocalText locale={locale} zh={notice.title} en={notice.titleEn} />
                  </Link>
                </span>
                <span className="whitespace-nowrap text-muted">{formatDate(locale, notice.publishedAt)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2">
            <Link href={`/${locale}/notices`}>{t("home:moreNotices")}</Link>
          </p>
        </section>
        <section aria-labelledby="latest-documents">
          <h2 id="latest-documents" className="mb-3 text-xl font-bold">
            {t("home:latestDocuments")}
          </h2>
          <ul className="grid gap-2">
            {documents.map((doc) => (
              <li key={doc.indexNo} className="flex justify-between gap-4">
                <Link href={`/${locale}/disclosure/${doc.indexNo}`}>
                  <LocalText locale={locale} zh={doc.title} en={doc.titleEn} />
                </Link>
                <span className="whitespace-nowrap text-muted">{formatDate(locale, doc.publishedAt)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2">
            <Link href={`/${locale}/disclosure`}>{t("home:moreDocuments")}</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
