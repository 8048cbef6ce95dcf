import { pageMetadata, pageT } from "@/lib/i18n/server";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { currentSessionSecret, requireCitizen } from "@/lib/auth/session";
import { listOwnSessions } from "@/lib/auth/sessions";
import { SessionList } from "@/components/account/SessionList";
import { AccountFrame } from "@/components/ui/PageFrame";
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
    <AccountFrame
      title={t("account:sessions.title")}
      intro={t("account:sessions.intro")}
      status={ended ? t("account:sessions.ended") : null}
    >
      <SessionList sessions={sessions} t={t} locale={locale} action={endSessions} />
    </AccountFrame>
  );
}
