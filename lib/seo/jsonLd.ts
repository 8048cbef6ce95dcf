import { lt } from "../i18n/content";
import type { TLocale } from "../i18n/settings";

/**
 * JSON for a <script type="application/ld+json">: `<` is written as \u003c so no text inside
 * (a title with "</script>") can end the element early.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

type TServiceForLd = {
  code: string;
  name: string;
  nameEn: string;
  summary: string;
  summaryEn: string | null;
  type: string;
  audience: "PERSON" | "LEGAL_PERSON";
  fee: string;
  consultPhone: string;
  location: string;
  hours: string;
  visits: number;
  updatedAt: Date;
  department: { name: string; nameEn: string; phone: string; email: string; address: string };
};

/** schema.org GovernmentService for a service guide page (the 办事指南 in structured form). */
export function governmentServiceLd(input: {
  service: TServiceForLd;
  locale: TLocale;
  base: string;
  city: string;
  serviceTypeLabel: string;
  audienceLabel: string;
}) {
  const { service: s, locale, base, city } = input;
  const url = `${base}/${locale}/services/${s.code}`;
  return {
    "@context": "https://schema.org",
    "@type": "GovernmentService",
    "@id": url,
    url,
    identifier: s.code,
    name: lt(locale, s.name, s.nameEn),
    alternateName: locale === "en" ? s.name : s.nameEn,
    description: lt(locale, s.summary, s.summaryEn),
    serviceType: input.serviceTypeLabel,
    inLanguage: locale,
    dateModified: s.updatedAt.toISOString(),
    areaServed: { "@type": "City", name: city },
    audience: { "@type": "Audience", audienceType: input.audienceLabel },
    provider: {
      "@type": "GovernmentOrganization",
      name: lt(locale, s.department.name, s.department.nameEn),
      telephone: s.department.phone,
      email: s.department.email,
      address: lt(locale, s.department.address),
    },
    serviceOperator: {
      "@type": "GovernmentOrganization",
      name: lt(locale, s.department.name, s.department.nameEn),
    },
    offers: {
      "@type": "Offer",
      description: lt(locale, s.fee),
      ...(/不收费|免费/.test(s.fee) ? { price: 0, priceCurrency: "CNY" } : {}),
    },
    availableChannel: [
      {
        "@type": "ServiceChannel",
        name: "online",
        serviceUrl: `${url}/apply`,
        availableLanguage: ["zh-Hans", "zh-Hant", "en"],
      },
      {
        "@type": "ServiceChannel",
        name: "in person",
        servicePhone: { "@type": "ContactPoint", telephone: s.consultPhone },
        serviceLocation: { "@type": "Place", address: lt(locale, s.location) },
        hoursAvailable: lt(locale, s.hours),
      },
    ],
  };
}
