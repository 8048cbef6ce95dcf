import { Link } from "@/components/ui/Link";
import type { TFunction } from "i18next";
import type { TLocale } from "@/lib/i18n/settings";
import { LocalText } from "@/components/ui/LocalText";
import { Section } from "@/components/ui/Section";

type TTileService = { code: string; name: string; nameEn: string | null };

const tile =
  "flex min-h-24 items-center border-4 border-ink bg-white p-5 text-2xl font-bold no-underline hover:border-brand hover:underline";

/**
 * The home page of 长辈版 (senior mode), shown instead of the themes and document lists: large
 * tiles for the most-used services and the two things older residents ask for most (where is my
 * case, what is happening in my community), and the hotline as one tap. Hidden in the normal
 * layout (the `elder:` variant), so the page stays one page for the cache and without JavaScript.
 */
export function ElderHome({
  locale,
  t,
  services,
  hotline,
}: {
  locale: TLocale;
  t: TFunction;
  services: TTileService[];
  hotline: string;
}) {
  const tiles = [
    ...services.map((service) => ({
      href: `/${locale}/services/${service.code}`,
      label: <LocalText locale={locale} zh={service.name} en={service.nameEn} />,
    })),
    { href: `/${locale}/track`, label: t("nav.track") },
    { href: `/${locale}/notices`, label: t("nav.notices") },
  ];
  return (
    <div className="hidden gap-8 elder:grid" data-testid="elder-home">
      <Section
        id="elder-hotline"
        title={t("home:elder.hotlineTitle")}
        className="border-4 border-brand p-5"
        headingClassName="mb-2 text-2xl font-bold"
      >
        <p className="mb-4">{t("home:elder.hotlineHint")}</p>
        <a
          href={`tel:${hotline.replace(/[^\d+]/g, "")}`}
          className="inline-flex min-h-16 items-center bg-brand px-8 text-3xl font-bold text-white no-underline"
        >
          {t("home:elder.call", { hotline })}
        </a>
      </Section>
      <Section
        id="elder-services"
        title={t("home:elder.servicesTitle")}
        headingClassName="mb-4 text-2xl font-bold"
      >
        <ul className="grid gap-4 sm:grid-cols-2">
          {tiles.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className={tile}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
