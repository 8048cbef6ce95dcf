import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { lt } from "@/lib/i18n/content";
import { LocalText } from "@/components/ui/LocalText";
import { getService } from "@/lib/services/queries";
import { ZGuideLists } from "@/lib/services/guide";
import { governmentServiceLd } from "@/lib/seo/jsonLd";
import { siteBase } from "@/lib/seo/sitemap";
import { getSiteSettings } from "@/lib/settings/queries";
import { JsonLd } from "@/components/seo/JsonLd";
import { Section } from "@/components/ui/Section";

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const service = await getService({ code: (await params).code });
  return { title: service ? lt(locale, service.name, service.nameEn) : undefined };
}

const Text = LocalText;

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-2 border-b border-line py-2 md:grid-cols-[12rem_1fr]">
      <dt className="font-bold">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default async function ServiceGuidePage({ params }: Props) {
  const locale = await localeParam(params);
  const service = await getService({ code: (await params).code });
  if (!service) notFound();
  const [t, settings, base] = await Promise.all([
    getT(locale, ["services", "catalog", "apply"]),
    getSiteSettings(),
    siteBase(),
  ]);
  const lists = ZGuideLists.parse(service);
  const structured = governmentServiceLd({
    service,
    locale,
    base,
    city: lt(locale, settings.cityName.zh, settings.cityName.en),
    serviceTypeLabel: t(`catalog:serviceType.${service.type}`),
    audienceLabel: t(`catalog:audienceParty.${service.audience}`),
  });
  const days = (n: number) => (n === 0 ? t("services:immediate") : t("services:workingDays", { count: n }));

  return (
    <article className="grid gap-6">
      <JsonLd data={structured} />
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/services`}>{t("services:catalogueTitle")}</Link>
        {" / "}
        <Link href={`/${locale}/services?audience=${service.audience}`}>
          {t(`catalog:audience.${service.audience}`)}
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-bold">
          <Text locale={locale} zh={service.name} en={service.nameEn} />
        </h1>
        <p className="mt-2">
          <Text locale={locale} zh={service.summary} en={service.summaryEn} />
        </p>
        <p className="mt-2 flex flex-wrap gap-2 text-sm">
          {service.visits === 0 ? (
            <strong className="bg-brand px-2 py-0.5 text-white">{t("services:fullyOnline")}</strong>
          ) : null}
          <span className="border border-line px-2 py-0.5">{t(`catalog:serviceType.${service.type}`)}</span>
          {service.themes.map((theme) => (
            <Link
              key={theme}
              href={`/${locale}/services?theme=${theme}`}
              className="border border-line px-2 py-0.5"
            >
              {t(`catalog:theme.${theme}`)}
            </Link>
          ))}
        </p>
        <p className="mt-4">
          <Link
            href={`/${locale}/services/${service.code}/apply`}
            className="inline-block bg-brand px-6 py-3 font-bold text-white no-underline"
          >
            {t("apply:applyOnline")}
          </Link>
        </p>
      </header>

      <Section id="basic" title={t("services:guide.basic")}>
        <dl>
          <Row term={t("services:guide.name")}>
            <Text locale={locale} zh={service.name} />
          </Row>
          <Row term={t("services:guide.code")}>{service.code}</Row>
          <Row term={t("services:guide.type")}>{t(`catalog:serviceType.${service.type}`)}</Row>
          <Row term={t("services:guide.audience")}>{t(`catalog:audienceParty.${service.audience}`)}</Row>
          <Row term={t("services:guide.department")}>
            <Text locale={locale} zh={service.department.name} en={service.department.nameEn} />
          </Row>
          <Row term={t("services:guide.statutory")}>{days(service.statutoryDays)}</Row>
          <Row term={t("services:guide.promised")}>{days(service.promisedDays)}</Row>
          <Row term={t("services:guide.visits")}>
            {service.visits === 0
              ? t("services:fullyOnline")
              : t("services:visits", { count: service.visits })}
          </Row>
          <Row term={t("services:guide.fee")}>
            <Text locale={locale} zh={service.fee} />
          </Row>
          <Row term={t("services:guide.result")}>
            <Text locale={locale} zh={service.resultName} />
            {service.resultSample ? (
              <>
                {" "}
                (<Text locale={locale} zh={service.resultSample} />)
              </>
            ) : null}
          </Row>
          <Row term={t("services:guide.delivery")}>
            <Text locale={locale} zh={service.delivery} />
          </Row>
        </dl>
      </Section>

      <Section id="basis" title={t("services:guide.legalBasis")}>
        <ul className="grid gap-2">
          {lists.legalBasis.map((basis, index) => (
            <li key={index}>
              <strong>
                <Text locale={locale} zh={`${basis.law} ${basis.article}`} />
              </strong>
              <p className="text-muted">
                <Text locale={locale} zh={basis.text} />
              </p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="conditions" title={t("services:guide.conditions")}>
        <ol className="ml-6 grid list-decimal gap-1">
          {lists.conditions.map((condition, index) => (
            <li key={index}>
              <Text locale={locale} zh={condition} />
            </li>
          ))}
        </ol>
      </Section>

      <Section id="materials" title={t("services:guide.materials")}>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="bg-panel">
                <th scope="col" className="border border-line p-2">
                  {t("services:material.name")}
                </th>
                <th scope="col" className="border border-line p-2">
                  {t("services:material.form")}
                </th>
                <th scope="col" className="border border-line p-2">
                  {t("services:material.copies")}
                </th>
                <th scope="col" className="border border-line p-2">
                  {t("services:material.required")}
                </th>
                <th scope="col" className="border border-line p-2">
                  {t("services:material.source")}
                </th>
                <th scope="col" className="border border-line p-2">
                  {t("services:material.blankForm")}
                </th>
              </tr>
            </thead>
            <tbody>
              {lists.materials.map((material) => (
                <tr key={material.id}>
                  <th scope="row" className="border border-line p-2 font-normal">
                    <Text locale={locale} zh={material.name} en={material.nameEn} />
                    {material.note ? (
                      <p className="text-sm text-muted">
                        <Text locale={locale} zh={material.note} />
                      </p>
                    ) : null}
                  </th>
                  <td className="border border-line p-2">{t(`services:material.forms.${material.form}`)}</td>
                  <td className="border border-line p-2">{material.copies}</td>
                  <td className="border border-line p-2">{material.required ? t("yes") : t("no")}</td>
                  <td className="border border-line p-2">
                    <Text locale={locale} zh={material.source} />
                  </td>
                  <td className="border border-line p-2">
                    <ul>
                      {[material.blankForm, material.sample]
                        .filter((name): name is string => !!name)
                        .map((name) => (
                          <li key={name}>
                            <Text locale={locale} zh={name} />
                          </li>
                        ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="process" title={t("services:guide.process")}>
        <ol className="ml-6 grid list-decimal gap-1">
          {lists.process.map((step, index) => (
            <li key={index}>
              <Text locale={locale} zh={step} />
            </li>
          ))}
        </ol>
        {service.specialSteps ? (
          <p className="mt-2">
            <strong>{t("services:guide.specialSteps")}: </strong>
            <Text locale={locale} zh={service.specialSteps} />
          </p>
        ) : null}
      </Section>

      <Section id="where" title={t("services:guide.where")}>
        <dl>
          <Row term={t("services:guide.location")}>
            <Text locale={locale} zh={service.location} />
          </Row>
          <Row term={t("services:guide.hours")}>
            <Text locale={locale} zh={service.hours} />
          </Row>
          <Row term={t("services:guide.consultPhone")}>
            <a href={`tel:${service.consultPhone}`}>{service.consultPhone}</a>
          </Row>
          <Row term={t("services:guide.complaintPhone")}>
            <a href={`tel:${service.complaintPhone}`}>{service.complaintPhone}</a>
          </Row>
        </dl>
      </Section>

      {lists.faq.length ? (
        <Section id="faq" title={t("services:guide.faq")}>
          <dl className="grid gap-3">
            {lists.faq.map((item, index) => (
              <div key={index}>
                <dt className="font-bold">
                  <Text locale={locale} zh={item.q} />
                </dt>
                <dd>
                  <Text locale={locale} zh={item.a} />
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      ) : null}
    </article>
  );
}
