import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { param, type TSearchParams } from "@/lib/i18n/search-params";
import { currentSessionSecret, requireStaff } from "@/lib/auth/session";
import { listOwnSessions } from "@/lib/auth/sessions";
import { SessionList } from "@/components/account/SessionList";
import { endStaffSessions } from "./actions";

export const generateMetadata = staffPageMetadata("account", "account:sessions.title");

/** Where this member of staff is signed in; any session can be ended, or all of them. */
export default async function StaffSessionsPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  const [t, sessions] = await Promise.all([
    getT(defaultLocale, "account"),
    listOwnSessions({ actor, currentSid: await currentSessionSecret() }),
  ]);
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("account:sessions.title")}</h1>
      {param((await searchParams).ended, 1) ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("account:sessions.ended")}
        </p>
      ) : null}
      <p className="max-w-2xl">{t("account:sessions.staffIntro")}</p>
      <SessionList sessions={sessions} t={t} locale={defaultLocale} action={endStaffSessions} />
    </div>
  );
}
