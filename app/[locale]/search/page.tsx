import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { searchAll } from "@/lib/search/searchAll";
import { inputClass } from "@/components/ui/Field";
import { LocalText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "home");
  return { title: t("home:searchTitle") };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const q = param((await searchParams).q);
  const [t, results] = await Promise.all([getT(locale, "home"), q ? searchAll(q) : null]);
  const total = results ? results.services.length + results.documents.length + results.notices.length : 0;
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("home:searchTitle")}</h1>
      <form method="get" role="search" className="flex flex-wrap gap-2">
        <label htmlFor="search-q" className="sr-only">{t("home:searchLabel")}</label>
        <input id="search-q" name="q" type="search" defaultValue={q} className={`${inputClass} flex-1`} />
        <button type="submit" className="bg-brand text-white px-6 py-2 font-bold">{t("search")}</button>
      </form>
      {results ? <p role="status">{t("home:resultCount", { count: total })}</p> : null}
      {results && total === 0 ? <p>{t("home:noResults")}</p> : null}
      {results?.services.length ? (
        <section aria-labelledby="r-services">
          <h2 id="r-services" className="text-xl font-bold mb-2">{t("nav.services")}</h2>
          <ul className="grid gap-2">
            {results.services.map((s) => <li key={s.code}><Link href={`/${locale}/services/${s.code}`}><LocalText locale={locale} zh={s.name} en={s.nameEn} /></Link></li>)}
          </ul>
        </section>
      ) : null}
      {results?.documents.length ? (
        <section aria-labelledby="r-documents">
          <h2 id="r-documents" className="text-xl font-bold mb-2">{t("nav.disclosure")}</h2>
          <ul className="grid gap-2">
            {results.documents.map((d) => <li key={d.indexNo}><Link href={`/${locale}/disclosure/${d.indexNo}`}><LocalText locale={locale} zh={d.title} en={d.titleEn} /></Link></li>)}
          </ul>
        </section>
      ) : null}
      {results?.notices.length ? (
        <section aria-labelledby="r-notices">
          <h2 id="r-notices" className="text-xl font-bold mb-2">{t("nav.notices")}</h2>
          <ul className="grid gap-2">
            {results.notices.map((n) => <li key={n.id}><Link href={`/${locale}/notices/${n.id}`}><LocalText locale={locale} zh={n.title} en={n.titleEn} /></Link></li>)}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
