import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { requireStaff } from "@/lib/auth/session";
import { staffRequest } from "@/lib/disclosure/requestQueries";
import { requestWorkflow, type TRequestStep } from "@/lib/disclosure/requestWorkflow";
import { allowedSteps } from "@/lib/workflow/workflow";
import { outcomeCells } from "@/lib/disclosure/outcomes";
import { SimpleForm, type TSimpleField } from "@/components/form/SimpleForm";
import { RequestStatus } from "@/components/disclosure/RequestStatus";
import { requestStepAction } from "./actions";
import { Section } from "@/components/ui/Section";

type Props = {
  params: Promise<{ number: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).number };
}

/** One request for its department's officers (and the supervisor's extension approval). */
export default async function StaffRequestPage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const found = await staffRequest({ actor, trackingNumber: (await params).number });
  if (!found) notFound();
  const t = await getT(defaultLocale, ["disclosure", "account", "staff", "errors", "apply"]);
  const open = allowedSteps(requestWorkflow, actor, found);
  const fieldsFor = (name: TRequestStep): TSimpleField[] => {
    switch (name) {
      case "requestSupplement":
        return [
          { name: "missing", type: "textarea", label: t("staff:missingList"), hint: t("staff:missingHint") },
        ];
      case "pause":
        return [{ name: "reason", type: "textarea", label: t("disclosure:staff.pauseReason") }];
      case "requestExtension":
        return [
          {
            name: "days",
            type: "text",
            label: t("disclosure:staff.extensionDays"),
            hint: t("disclosure:staff.extensionHint"),
          },
          { name: "reason", type: "textarea", label: t("staff:reason") },
        ];
      case "reply":
        return [
          {
            name: "outcome",
            type: "select",
            label: t("disclosure:request.outcome"),
            options: outcomeCells.map((cell) => ({
              value: cell.sub ? `${cell.category}:${cell.sub}` : cell.category,
              label: cell.sub
                ? `${t(`disclosure:outcome.${cell.category}`)} · ${t(`disclosure:outcomeSub.${cell.sub}`)}`
                : t(`disclosure:outcome.${cell.category}`),
            })),
          },
          { name: "legalBasis", type: "text", label: t("disclosure:request.legalBasis") },
          { name: "replyText", type: "textarea", rows: 8, label: t("disclosure:request.replyText") },
          {
            name: "replyFiles",
            type: "file",
            multiple: true,
            accept: "application/pdf,image/jpeg,image/png",
            label: t("disclosure:staff.replyFiles"),
          },
        ];
      default:
        return [];
    }
  };
  return (
    <div className="grid gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/staff/requests">{t("disclosure:staff.queue")}</Link>
      </nav>
      <h1 className="text-2xl font-bold">
        {found.trackingNumber} · {found.requesterName}
      </h1>
      {(await searchParams).done ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("staff:done")}
        </p>
      ) : null}
      <Section id="application" title={t("disclosure:staff.application")}>
        <dl className="grid gap-2 md:grid-cols-[10rem_1fr]">
          <dt className="font-bold">{t("disclosure:request.requesterType")}</dt>
          <dd>{t(`disclosure:requester.${found.requesterType}`)}</dd>
          <dt className="font-bold">{t("disclosure:request.idNumber")}</dt>
          <dd>{found.idNumber}</dd>
          <dt className="font-bold">{t("disclosure:request.phone")}</dt>
          <dd>{found.phone}</dd>
          <dt className="font-bold">{t("disclosure:request.delivery")}</dt>
          <dd>{t(`disclosure:delivery.${found.deliveryMethod}`)}</dd>
          <dt className="font-bold">{t("disclosure:request.description")}</dt>
          <dd className="whitespace-pre-wrap">{found.description}</dd>
        </dl>
      </Section>
      <Section id="next" title={t("staff:nextSteps")} className="grid gap-4">
        {open.map((name) => (
          <section key={name} aria-labelledby={`s-${name}`} className="grid gap-2 border border-line p-4">
            <h3 id={`s-${name}`} className="font-bold">
              {t(`disclosure:staff.step.${name}`)}
            </h3>
            <SimpleForm
              idPrefix={name}
              action={requestStepAction}
              hidden={{
                trackingNumber: found.trackingNumber,
                step: name,
                expectedVersion: String(found.version),
              }}
              fields={fieldsFor(name)}
              submitLabel={t(`disclosure:staff.step.${name}`)}
              messages={errorMessages(t)}
              errorTitle={t("errors:summaryTitle")}
            />
          </section>
        ))}
        {open.length === 0 ? <p>{t("staff:noNextSteps")}</p> : null}
      </Section>
      <RequestStatus locale={defaultLocale} t={t} request={found} />
    </div>
  );
}
