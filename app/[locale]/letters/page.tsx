import Link from "next/link";
import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { intParam, type TSearchParams } from "@/lib/i18n/search-params";
import { withQuery } from "@/lib/i18n/paths";
import { publishedLetters } from "@/lib/letters/queries";
import { buttonClass } from "@/components/ui/Button";
import { Pagination } from "@/components/ui/Pagination";
import { PageHeading } from "@/components/ui/PageHeading";
import { mailboxName } from "@/components/letters/mailboxName";
import { WrittenText } from "@/components/ui/LocalText";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("letters", "letters:listTitle");

/** 互动交流: the published letters with their replies, newest first, and the way to write one. */
export default async function LettersPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const page = intParam((await searchParams).page);
  const [t, result] = await Promise.all([getT(locale, ["letters"]), publishedLetters({ page })]);
  const hrefFor = (n: number) => withQuery(`/${locale}/letters`, { page: n > 1 ? n : undefined });
  return (
    <div className="grid gap-6">
      <PageHeading title={t("letters:listTitle")} intro={t("letters:listIntro")} />
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <Link href={`/${locale}/letters/write`} className={buttonClass()}>
          {t("letters:writeLink")}
        </Link>
        <Link href={`/${locale}/letters/figures`}>{t("letters:figuresLink")}</Link>
      </div>
      <p role="status">{t("letters:count", { count: result.total })}</p>
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
