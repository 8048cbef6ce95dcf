import { Link } from "@/components/ui/Link";
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

/** Services as a list of links to their guides. */
export function ServiceList({
  locale,
  services,
  className,
}: {
  locale: TLocale;
  services: Parameters<typeof ServiceLink>[0]["service"][];
  className: string;
}) {
  return (
    <ul className={className}>
      {services.map((service) => (
        <li key={service.code}>
          <ServiceLink locale={locale} service={service} />
        </li>
      ))}
    </ul>
  );
}
