import { Link } from "@/components/ui/Link";
import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { LocalText } from "@/components/ui/LocalText";

type TUrgentNotice = { id: string; title: string; titleEn: string | null; expiresAt: Date | null };

/**
 * The home page's emergency banner (GOV.UK's emergency banner): each current urgent notice, a link
 * to it and until when it is in force. Nothing at all when there is none.
 */
export function UrgentBanner({
  locale,
  t,
  notices,
}: {
  locale: TLocale;
  t: TFunction;
  notices: TUrgentNotice[];
}) {
  if (!notices.length) return null;
  return (
    <section
      aria-labelledby="urgent-banner-title"
      data-testid="urgent-banner"
      className="border-4 border-brand bg-white p-4 elder:p-6"
    >
      <h2 id="urgent-banner-title" className="mb-2 text-xl font-bold text-brand">
        {t("notices:urgentBanner.title")}
      </h2>
      <ul className="grid gap-3">
        {notices.map((notice) => (
          <li key={notice.id}>
            <Link href={`/${locale}/notices/${notice.id}`} className="text-lg font-bold">
              <LocalText locale={locale} zh={notice.title} en={notice.titleEn} />
            </Link>
            {notice.expiresAt ? (
              <span className="block text-muted">
                {t("notices:urgentBanner.until", { date: formatDateTime(locale, notice.expiresAt) })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
