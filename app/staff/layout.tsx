import type { Metadata } from "next";
import Link from "next/link";
import "../globals.css";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { isAdministrator } from "@/lib/auth/policy";
import { SkipLink } from "@/components/layout/SkipLink";
import { signOutStaff } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT(defaultLocale, "staff");
  return { title: { default: t("staff:title"), template: `%s - ${t("staff:title")}` } };
}

/** The staff area: its own root layout, in Simplified Chinese. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const [t, user] = await Promise.all([getT(defaultLocale, ["staff", "search"]), getSessionUser()]);
  return (
    <html lang={defaultLocale}>
      <body className="min-h-screen font-sans">
        <SkipLink label={t("skipToContent")} />
        <header className="bg-ink text-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
            <span className="text-lg font-bold">{t("staff:title")}</span>
            {isStaff(user) ? (
              <div className="flex flex-wrap items-center gap-4">
                <nav aria-label={t("staff:nav.label")}>
                  <ul className="flex gap-4">
                    <li>
                      <Link href="/staff" className="text-white">
                        {t("staff:nav.queue")}
                      </Link>
                    </li>
                    <li>
                      <Link href="/staff/requests" className="text-white">
                        {t("staff:nav.requests")}
                      </Link>
                    </li>
                    <li>
                      <Link href="/staff/documents" className="text-white">
                        {t("staff:nav.documents")}
                      </Link>
                    </li>
                    <li>
                      <Link href="/staff/notices" className="text-white">
                        {t("staff:nav.notices")}
                      </Link>
                    </li>
                    <li>
                      <Link href="/staff/follow-ups" className="text-white">
                        {t("staff:nav.followUps")}
                      </Link>
                    </li>
                    <li>
                      <Link href="/staff/figures" className="text-white">
                        {t("staff:nav.figures")}
                      </Link>
                    </li>
                    {isAdministrator(user) ? (
                      <li>
                        <Link href="/staff/services" className="text-white">
                          {t("staff:nav.services")}
                        </Link>
                      </li>
                    ) : null}
                    {isAdministrator(user) ? (
                      <li>
                        <Link href="/staff/outbox" className="text-white">
                          {t("staff:nav.outbox")}
                        </Link>
                      </li>
                    ) : null}
                    {isAdministrator(user) ? (
                      <li>
                        <Link href="/staff/places" className="text-white">
                          {t("staff:nav.places")}
                        </Link>
                      </li>
                    ) : null}
                    {isAdministrator(user) ? (
                      <li>
                        <Link href="/staff/search/synonyms" className="text-white">
                          {t("search:staff.nav")}
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                </nav>
                <span>{user.name}</span>
                <Link href="/staff/sessions" className="text-white">
                  {t("staff:sessionsLink")}
                </Link>
                <form action={signOutStaff}>
                  <button type="submit" className="underline">
                    {t("staff:signOut")}
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
