import { Link } from "@/components/ui/Link";
import { getT, pageMetadata } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { describeSubscription, subscriptionByToken } from "@/lib/notices/subscriptions";
import { confirmAction } from "../actions";
import { Button } from "@/components/ui/Button";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("notices", "notices:confirm.title");

/** The link in the confirmation mail lands here; the button confirms. */
export default async function ConfirmPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const [t, query] = await Promise.all([getT(locale, ["notices", "catalog"]), searchParams]);
  const token = param(query.token) ?? "";
  const subscription = token ? await subscriptionByToken({ token }) : null;
  const usable = subscription && !subscription.unsubscribedAt;
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("notices:confirm.title")}</h1>
      {query.done ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("notices:confirm.done")}
        </p>
      ) : null}
      {query.invalid || (!query.done && !usable) ? (
        <p role="alert" className="border-l-4 border-brand pl-3 font-bold">
          {t("notices:confirm.invalid")}
        </p>
      ) : null}
      {!query.done && usable ? (
        subscription.confirmedAt ? (
          <p role="status">{t("notices:confirm.already")}</p>
        ) : (
          <form action={confirmAction} className="grid gap-3">
            <p>{t("notices:confirm.question", { what: describeSubscription(t, locale, subscription) })}</p>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="locale" value={locale} />
            <Button className="justify-self-start">{t("notices:confirm.submit")}</Button>
          </form>
        )
      ) : null}
      <p>
        <Link href={`/${locale}/notices`}>{t("notices:listTitle")}</Link>
      </p>
    </div>
  );
}
