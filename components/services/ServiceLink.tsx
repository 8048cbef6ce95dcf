import Link from "next/link";
import type { TLocale } from "@/lib/i18n/settings";
import { LocalText } from "../ui/LocalText";

/** A service's name in the visitor's locale, linked to its guide. */
export function ServiceLink({
  locale,
  service,
}: {
  locale: TLocale;
  service: { code: string; name: string; nameEn: string | null };
}) {
  return (
    <Link href={`/${locale}/services/${service.code}`}>
      <LocalText locale={locale} zh={service.name} en={service.nameEn} />
    </Link>
  );
}
