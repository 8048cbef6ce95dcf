import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { localeParam } from "@/lib/i18n/request";
import { errorMessages } from "@/lib/i18n/messages";
import { requireCitizen } from "@/lib/auth/session";
import { ownRequest } from "@/lib/disclosure/requestQueries";
import { requestWorkflow } from "@/lib/disclosure/requestWorkflow";
import { allowedSteps } from "@/lib/workflow/workflow";
import { SimpleForm } from "@/components/form/SimpleForm";
import { withQuery } from "@/lib/i18n/paths";
import { RequestStatus } from "@/components/disclosure/RequestStatus";
import { applicantRequestStep } from "./actions";
import { Section } from "@/components/ui/Section";

type Props = {
  params: Promise<{ locale: string; number: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await localeParam(params), "disclosure");
  return { title: t("disclosure:request.statusTitle") };
}

/** The applicant's own information request: its status and reply, correction when asked, withdrawal. */
export default async function OwnRequestPage({ params, searchParams }: Props) {
  const locale = await localeParam(params);
  const { number } = await params;
  const actor = await requireCitizen(locale, `/${locale}/account/requests/${number}`);
  const found = await ownRequest({ actor, trackingNumber: number });
  if (!found) notFound();
  const t = await getT(locale, ["disclosure", "account", "errors", "apply"]);
  const hidden = { locale, trackingNumber: found.trackingNumber, expectedVersion: String(found.version) };
  const can = allowedSteps(requestWorkflow, actor, found);
  return (
    <div className="grid gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={`/${locale}/account`}>{t("account:title")}</Link>
      </nav>
      <h1 className="text-2xl font-bold">{found.trackingNumber}</h1>
      {(await searchParams).done ? (
        <p role="status" className="border-l-4 border-brand pl-3">
          {t("account:done.saved")}
        </p>
      ) : null}
      {can.includes("correct") ? (
        <Section
          id="correct"
          title={t("disclosure:applicant.correctTitle")}
          className="grid gap-2 border-4 border-brand p-4"
        >
          <SimpleForm
            idPrefix="correct"
            action={applicantRequestStep}
            hidden={{ ...hidden, step: "correct" }}
            fields={[
              { name: "reason", type: "textarea", rows: 6, label: t("disclosure:applicant.correctLabel") },
            ]}
            submitLabel={t("disclosure:applicant.correctSubmit")}
            messages={errorMessages(t)}
            errorTitle={t("errors:summaryTitle")}
          />
        </Section>
      ) : null}
      <RequestStatus
        locale={locale}
        t={t}
        request={found}
        letterHref={withQuery(`/${locale}/disclosure/request/letter.pdf`, {
          number: found.trackingNumber,
          code: found.accessCode,
        })}
      />
      {can.includes("withdraw") ? (
        <Section id="withdraw" title={t("disclosure:applicant.withdrawTitle")} className="grid gap-2">
          <SimpleForm
            idPrefix="withdraw"
            tone="warning"
            action={applicantRequestStep}
            hidden={{ ...hidden, step: "withdraw" }}
            fields={[]}
            submitLabel={t("disclosure:applicant.withdrawSubmit")}
            messages={errorMessages(t)}
            errorTitle={t("errors:summaryTitle")}
          />
        </Section>
      ) : null}
    </div>
  );
}
