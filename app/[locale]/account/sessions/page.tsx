import Link from "next/link";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { currentSessionSecret, requireCitizen } from "@/lib/auth/session";
import { listOwnSessions } from "@/lib/auth/sessions";
import { SessionList } from "@/components/account/SessionList";
import { endSessions } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: TSearchParams };

export const generateMetadata = pageMetadata("account", "account:sessions.title");

/** Where the citizen is signed in; any session can be ended from here, or all of them. */
export default async function SessionsPage({ params, searchParams }: Props) {
  const { locale, t } = await pageT(params, "account");
  const actor = await requireCitizen(locale, `/${locale}/account/sessions`);
  const sessions = await listOwnSessions({ actor, currentSid: await currentSessionSecret() });
  const ended = param((await searchParams).ended, 1);
  return (
    <div className="grid gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/account`}>{t("account:title")}</Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("account:sessions.title")}</h1>
      {ended ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("account:sessions.ended")}
        </p>
      ) : null}
      <p className="max-w-2xl">{t("account:sessions.intro")}</p>
      <SessionList sessions={sessions} t={t} locale={locale} action={endSessions} />
    </div>
  );
}
