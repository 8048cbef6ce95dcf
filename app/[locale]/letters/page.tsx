import { Link } from "@/components/ui/Link";
import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { intParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { withQuery } from "@/lib/i18n/paths";
import { publishedLetters } from "@/lib/letters/queries";
import { Button, buttonClass } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Field";
import { Pagination } from "@/components/ui/Pagination";
import { PageHeading } from "@/components/ui/PageHeading";
import { mailboxName } from "@/components/letters/mailboxName";
import { WrittenText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("letters", "letters:listTitle");

/** 互动交流: the published letters with their replies, newest first, and the way to write one. */
export default async function LettersPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const query = await searchParams;
  const page = intParam(query.page);
  const q = param(query.q, 50)?.trim() || undefined;
  const [t, result] = await Promise.all([getT(locale, ["letters"]), publishedLetters({ page, q })]);
  const hrefFor = (n: number) => withQuery(`/${locale}/letters`, { q, page: n > 1 ? n : undefined });
  return (
    <div className="grid gap-6">
      <PageHeading title={t("letters:listTitle")} intro={t("letters:listIntro")} />
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <Link href={`/${locale}/letters/write`} className={buttonClass()}>
          {t("letters:writeLink")}
        </Link>
        <Link href={`/${locale}/letters/lookup`}>{t("letters:lookupLink")}</Link>
        <Link href={`/${locale}/letters/figures`}>{t("letters:figuresLink")}</Link>
        <Link href={`/${locale}/consultations`}>{t("nav.consultations")}</Link>
        <Link href={`/${locale}/letters/feed.xml`} type="application/rss+xml">
          {t("letters:rssLink")}
        </Link>
      </div>
      <form action={`/${locale}/letters`} method="get" role="search" className="flex flex-wrap gap-2">
        <label htmlFor="letters-q" className="sr-only">
          {t("letters:searchLabel")}
        </label>
        <input
          id="letters-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={50}
          placeholder={t("letters:searchLabel")}
          className={`${inputClass} min-w-48 flex-1`}
        />
        <Button>{t("letters:searchSubmit")}</Button>
      </form>
      <p role="status">
        {q ? t("letters:found", { count: result.total, q }) : t("letters:count", { count: result.total })}
      </p>
      {result.rows.length ? (
        <ul className="grid gap-3">
          {result.rows.map((letter) => (
            <li key={letter.number} className="border border-line p-4">
              <h2 className="text-lg font-bold">
                <Link href={`/${locale}/letters/${letter.number}`}>
                  <WrittenText locale={locale} text={letter.publicSubject ?? ""} />
                </Link>
              </h2>
              <p className="flex flex-wrap gap-x-4 text-sm text-muted">
                <span>{t(`letters:kind.${letter.kind}`)}</span>
                <span>{mailboxName(t, locale, letter.department)}</span>
                <span>{t("letters:writtenOn", { date: formatDate(locale, letter.createdAt) })}</span>
                <span>{t("letters:repliedOn", { date: formatDay(locale, letter.repliedOn) })}</span>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("letters:none")}</p>
      )}
      <Pagination t={t} page={result.page} pages={result.pages} hrefFor={hrefFor} />
    </div>
  );
}
