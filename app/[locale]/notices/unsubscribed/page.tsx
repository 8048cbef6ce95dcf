import { Link } from "@/components/ui/Link";
import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import type { TSearchParams } from "@/lib/i18n/search-params";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("notices", "notices:unsubscribed.title");

export default async function UnsubscribedPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const [t, query] = await Promise.all([getT(locale, ["notices"]), searchParams]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("notices:unsubscribed.title")}</h1>
      {query.ok ? (
        <p role="status">{t("notices:unsubscribed.done")}</p>
      ) : (
        <p role="alert">{t("notices:unsubscribed.invalid")}</p>
      )}
      <p>
        <Link href={`/${locale}/notices/subscribe`}>{t("notices:unsubscribed.again")}</Link>
      </p>
    </div>
  );
}
