import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { requireStaff } from "@/lib/auth/session";
import { getServiceForEdit } from "@/lib/services/queries";
import { NotFoundError } from "@/lib/shared/errors";
import { allThemes } from "@/lib/services/themes";
import { SimpleForm, type TSimpleField } from "@/components/form/SimpleForm";
import { saveService } from "./actions";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).code };
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Edit a service's 办事指南 and its form definition (administrators). */
export default async function EditServicePage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const service = await getServiceForEdit({ actor, code: (await params).code }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (!service) notFound();
  const t = await getT(defaultLocale, ["staff", "services", "errors", "catalog"]);
  const label = (key: string) => t(`services:guide.${key}`);
  const fields: TSimpleField[] = [
    { name: "name", type: "text", label: label("name") },
    { name: "nameEn", type: "text", label: t("staff:services.nameEn") },
    { name: "summary", type: "textarea", label: t("staff:services.summary") },
    { name: "summaryEn", type: "textarea", label: t("staff:services.summaryEn") },
    {
      name: "type",
      type: "radio",
      label: label("type"),
      options: [
        "LICENSING",
        "CONFIRMATION",
        "ADJUDICATION",
        "PAYMENT",
        "REWARD",
        "FILING",
        "OTHER_POWER",
        "PUBLIC_SERVICE",
      ].map((v) => ({ value: v, label: t(`catalog:serviceType.${v}`) })),
    },
    {
      name: "audience",
      type: "radio",
      label: label("audience"),
      options: ["PERSON", "LEGAL_PERSON"].map((v) => ({ value: v, label: t(`catalog:audienceParty.${v}`) })),
    },
    { name: "themes", type: "text", label: t("staff:services.themes"), hint: allThemes.join(", ") },
    { name: "statutoryDays", type: "text", label: label("statutory"), hint: t("staff:services.daysHint") },
    { name: "promisedDays", type: "text", label: label("promised"), hint: t("staff:services.daysHint") },
    {
      name: "visits",
      type: "radio",
      label: label("visits"),
      options: ["0", "1", "2"].map((v) => ({ value: v, label: v })),
    },
    { name: "fee", type: "text", label: label("fee") },
    { name: "location", type: "text", label: label("location") },
    { name: "hours", type: "text", label: label("hours") },
    { name: "consultPhone", type: "text", label: label("consultPhone") },
    { name: "complaintPhone", type: "text", label: label("complaintPhone") },
    { name: "resultName", type: "text", label: label("result") },
    { name: "delivery", type: "text", label: label("delivery") },
    { name: "specialSteps", type: "textarea", label: label("specialSteps") },
    ...(["legalBasis", "conditions", "materials", "process", "faq"] as const).map((key) => ({
      name: key,
      type: "textarea" as const,
      rows: 8,
      label: t("staff:services.jsonField", { label: label(key) }),
    })),
    {
      name: "form",
      type: "textarea",
      rows: 16,
      label: t("staff:services.form"),
      hint: t("staff:services.formHint"),
    },
    {
      name: "published",
      type: "radio",
      label: t("staff:services.publishedLabel"),
      options: [
        { value: "yes", label: t("staff:services.published") },
        { value: "no", label: t("staff:services.unpublished") },
      ],
    },
  ];
  const initialValues: Record<string, string> = {
    name: service.name,
    nameEn: service.nameEn,
    summary: service.summary,
    summaryEn: service.summaryEn ?? "",
    type: service.type,
    audience: service.audience,
    themes: service.themes.join(", "),
    statutoryDays: String(service.statutoryDays),
    promisedDays: String(service.promisedDays),
    visits: String(service.visits),
    fee: service.fee,
    location: service.location,
    hours: service.hours,
    consultPhone: service.consultPhone,
    complaintPhone: service.complaintPhone,
    resultName: service.resultName,
    delivery: service.delivery,
    specialSteps: service.specialSteps ?? "",
    legalBasis: json(service.legalBasis),
    conditions: json(service.conditions),
    materials: json(service.materials),
    process: json(service.process),
    faq: json(service.faq),
    form: json(service.form),
    published: service.published ? "yes" : "no",
  };
  return (
    <div className="grid gap-4">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/staff/services">{t("staff:services.title")}</Link>
      </nav>
      <h1 className="text-2xl font-bold">
        {service.code} · {service.name}
      </h1>
      {(await searchParams).saved ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("staff:services.saved", { version: service.version })}
        </p>
      ) : null}
      <SimpleForm
        action={saveService}
        hidden={{ code: service.code, expectedVersion: String(service.version) }}
        fields={fields}
        initialValues={initialValues}
        submitLabel={t("staff:services.save")}
        messages={errorMessages(t)}
        errorTitle={t("errors:summaryTitle")}
      />
    </div>
  );
}
