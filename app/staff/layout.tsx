import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import "../globals.css";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { getSessionUser } from "@/lib/auth/session";
import { isAdministrator, isStaff } from "@/lib/auth/policy";
import { auditReadScope } from "@/lib/auditTrail/policy";
import { SkipLink } from "@/components/layout/SkipLink";
import { signOutStaff } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT(defaultLocale, "staff");
  return { title: { default: t("staff:title"), template: `%s - ${t("staff:title")}` } };
}

// the pages every staff member may open (each page still checks its own reader), then the administrators' own
const staffLinks = [
  ["/staff", "staff:nav.queue"],
  ["/staff/requests", "staff:nav.requests"],
  ["/staff/annual-reports", "disclosure:national.nav"],
  ["/staff/letters", "staff:nav.letters"],
  ["/staff/documents", "staff:nav.documents"],
  ["/staff/notices", "staff:nav.notices"],
  ["/staff/consultations", "consultations:editor.title"],
  ["/staff/follow-ups", "staff:nav.followUps"],
  ["/staff/figures", "staff:nav.figures"],
] as const;
const administratorLinks = [
  ["/staff/users", "users:nav"],
  ["/staff/services", "staff:nav.services"],
  ["/staff/outbox", "staff:nav.outbox"],
  ["/staff/places", "staff:nav.places"],
  ["/staff/search/synonyms", "search:staff.nav"],
  ["/staff/retention", "privacy:retentionAdmin.nav"],
  ["/staff/disclosure-settings", "disclosure:settings.nav"],
  ["/staff/hotline", "letters:hotline.admin.nav"],
] as const;

/** The staff area: its own root layout, in Simplified Chinese. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const [t, user] = await Promise.all([
    getT(defaultLocale, ["staff", "search", "privacy", "users", "disclosure", "letters", "consultations"]),
    getSessionUser(),
  ]);
  const links = [
    ...staffLinks,
    ...(isAdministrator(user) ? administratorLinks : []),
    // administrators and supervisors read the audit trail (supervisors their departments' part)
    ...(isStaff(user) && auditReadScope(user) ? ([["/staff/audit", "staff:nav.audit"]] as const) : []),
  ];
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
                  <ul className="flex flex-wrap gap-x-4 gap-y-1">
                    {links.map(([href, key]) => (
                      <li key={href}>
                        <Link href={href} className="text-white">
                          {t(key)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
                <Link href="/staff/account" className="text-white">
                  {user.name}
                  <span className="sr-only"> · {t("staff:account.title")}</span>
                </Link>
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
