import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { pageT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { lt } from "@/lib/i18n/content";
import { LocalText } from "@/components/ui/LocalText";
import { getService } from "@/lib/services/queries";
import { ZGuideLists } from "@/lib/services/guide";
import { copiesShown } from "@/lib/services/guideFiles";
import { periodText, statutoryText } from "@/lib/services/periods";
import { formatBytes } from "@/lib/i18n/format";
import { governmentServiceLd } from "@/lib/seo/jsonLd";
import { siteBase } from "@/lib/seo/sitemap";
import { getSiteSettings } from "@/lib/settings/queries";
import { JsonLd } from "@/components/seo/JsonLd";
import { Section } from "@/components/ui/Section";
import { Table } from "@/components/ui/Table";
import { TextList } from "@/components/ui/TextList";
import { Breadcrumb } from "@/components/ui/PageHeading";

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const service = await getService({ code: (await params).code });
  return { title: service ? lt(locale, service.name, service.nameEn) : undefined };
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-2 border-b border-line py-2 md:grid-cols-[12rem_1fr]">
      <dt className="font-bold">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default async function ServiceGuidePage({ params }: Props) {
  const [{ locale, t }, { code }] = await Promise.all([
    pageT(params, ["services", "catalog", "apply"]),
    params,
  ]);
  const service = await getService({ code });
  if (!service) notFound();
  const [settings, base] = await Promise.all([getSiteSettings(), siteBase()]);
  const lists = ZGuideLists.parse(service);
  const structured = governmentServiceLd({
    service,
    locale,
    base,
    city: lt(locale, settings.cityName.zh, settings.cityName.en),
    serviceTypeLabel: t(`catalog:serviceType.${service.type}`),
    audienceLabel: t(`catalog:audienceParty.${service.audience}`),
  });
  const zh = (text: string) => <LocalText locale={locale} zh={text} />;
  // 在线办理: under the heading, and again at the foot of a phone's screen
  const applyOnline = (className: string) => (
    <Link href={`/${locale}/services/${service.code}/apply`} className={className}>
      {t("apply:applyOnline")}
    </Link>
  );
  const phone = (number: string) => <a href={`tel:${number}`}>{number}</a>;
  // the guide's files are downloads; a file the guide names but does not hold stays a name
  const fileLink = (
    materialId: string | null,
    kind: "BLANK_FORM" | "SAMPLE" | "RESULT_SAMPLE",
    name: string,
  ) => {
    const file = service.guideFiles.find((f) => f.kind === kind && f.materialId === materialId);
    if (!file) return zh(name);
    return (
      <a href={`/${locale}/services/${service.code}/files/${file.slug}.pdf`} download={file.fileName}>
        <span className="sr-only">{t(`services:files.${kind}`)}: </span>
        {zh(name)}
        <span className="text-sm"> (PDF, {formatBytes(locale, file.size)})</span>
      </a>
    );
  };

  return (
    <article className="grid gap-6">
      <JsonLd data={structured} />
      <Breadcrumb
        label={t("breadcrumb")}
        links={[
          { href: `/${locale}/services`, label: t("services:catalogueTitle") },
          {
            href: `/${locale}/services?audience=${service.audience}`,
            label: t(`catalog:audience.${service.audience}`),
          },
        ]}
      />
      <header>
        <h1 className="text-2xl font-bold">
          <LocalText locale={locale} zh={service.name} en={service.nameEn} />
        </h1>
        <p className="mt-2">
          <LocalText locale={locale} zh={service.summary} en={service.summaryEn} />
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
        <p className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2">
          {applyOnline("inline-block bg-brand px-6 py-3 font-bold text-white no-underline")}
          <a href={`/${locale}/services/${service.code}/guide.pdf`}>{t("services:guidePdf.link")}</a>
        </p>
      </header>

      <Section id="basic" title={t("services:guide.basic")}>
        <dl>
          <Row term={t("services:guide.name")}>{zh(service.name)}</Row>
          <Row term={t("services:guide.code")}>{service.code}</Row>
          <Row term={t("services:guide.type")}>{t(`catalog:serviceType.${service.type}`)}</Row>
          <Row term={t("services:guide.audience")}>{t(`catalog:audienceParty.${service.audience}`)}</Row>
          <Row term={t("services:guide.department")}>
            <LocalText locale={locale} zh={service.department.name} en={service.department.nameEn} />
          </Row>
          <Row term={t("services:guide.statutory")}>
            {statutoryText(t, service)}
            {service.statutorySource && (
              <span className="block text-sm">
                {t("services:periodSource")}: {zh(service.statutorySource)}
              </span>
            )}
          </Row>
          <Row term={t("services:guide.promised")}>{periodText(t, service.promisedDays)}</Row>
          <Row term={t("services:guide.visits")}>
            {service.visits === 0
              ? t("services:fullyOnline")
              : t("services:visits", { count: service.visits })}
          </Row>
          <Row term={t("services:guide.fee")}>{zh(service.fee)}</Row>
          <Row term={t("services:guide.result")}>
            {zh(service.resultName)}
            {service.resultSample ? <> ({fileLink(null, "RESULT_SAMPLE", service.resultSample)})</> : null}
          </Row>
          <Row term={t("services:guide.delivery")}>{zh(service.delivery)}</Row>
        </dl>
      </Section>

      <Section id="basis" title={t("services:guide.legalBasis")}>
        <ul className="grid gap-2">
          {lists.legalBasis.map((basis, index) => (
            <li key={index}>
              <strong>{zh(`${basis.law} ${basis.article}`)}</strong>
              <p className="text-muted">{zh(basis.text)}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="conditions" title={t("services:guide.conditions")}>
        <TextList numbered items={lists.conditions.map(zh)} />
      </Section>

      <Section id="materials" title={t("services:guide.materials")}>
        <div>
          <Table
            rows={lists.materials}
            rowKey={(material) => material.id}
            headers={(key) => t(`services:material.${key}`)}
            columns={[
              {
                key: "name",
                rowHeader: true,
                cell: (material) => (
                  <>
                    <LocalText locale={locale} zh={material.name} en={material.nameEn} />
                    {material.note ? <p className="text-sm text-muted">{zh(material.note)}</p> : null}
                  </>
                ),
              },
              { key: "form", cell: (material) => t(`services:material.forms.${material.form}`) },
              // 份数 0 (an electronic material) says nothing: the cell stays empty, and a phone hides it
              { key: "copies", cell: (material) => copiesShown(material) },
              { key: "required", cell: (material) => (material.required ? t("yes") : t("no")) },
              { key: "source", cell: (material) => zh(material.source) },
              {
                key: "blankForm",
                cell: (material) => (
                  <ul className="grid gap-1">
                    {material.blankForm ? (
                      <li>{fileLink(material.id, "BLANK_FORM", material.blankForm)}</li>
                    ) : null}
                    {material.sample ? <li>{fileLink(material.id, "SAMPLE", material.sample)}</li> : null}
                  </ul>
                ),
              },
            ]}
          />
        </div>
      </Section>

      <Section id="process" title={t("services:guide.process")}>
        <TextList numbered items={lists.process.map(zh)} />
        {service.specialSteps ? (
          <p className="mt-2">
            <strong>{t("services:guide.specialSteps")}: </strong>
            {zh(service.specialSteps)}
          </p>
        ) : null}
      </Section>

      <Section id="where" title={t("services:guide.where")}>
        <dl>
          <Row term={t("services:guide.location")}>{zh(service.location)}</Row>
          <Row term={t("services:guide.hours")}>{zh(service.hours)}</Row>
          <Row term={t("services:guide.consultPhone")}>{phone(service.consultPhone)}</Row>
          <Row term={t("services:guide.complaintPhone")}>{phone(service.complaintPhone)}</Row>
        </dl>
      </Section>

      {lists.faq.length ? (
        <Section id="faq" title={t("services:guide.faq")}>
          <dl className="grid gap-3">
            {lists.faq.map((item, index) => (
              <div key={index}>
                <dt className="font-bold">{zh(item.q)}</dt>
                <dd>{zh(item.a)}</dd>
              </div>
            ))}
          </dl>
        </Section>
      ) : null}

      {/* a long guide on a phone: 在线办理 stays at hand at the bottom of the screen */}
      <p className="no-print sticky bottom-0 -mx-4 border-t border-line bg-white/95 px-4 py-3 sm:hidden">
        {applyOnline("block bg-brand px-6 py-3 text-center font-bold text-white no-underline")}
      </p>
    </article>
  );
}
