import { notFound } from "next/navigation";
import { pageMetadata, pageT } from "@/lib/i18n/server";
import { requireCitizen } from "@/lib/auth/session";
import { ownRequest } from "@/lib/disclosure/requestQueries";
import { requestWorkflow } from "@/lib/disclosure/requestWorkflow";
import { allowedSteps } from "@/lib/workflow/workflow";
import { FormSection } from "@/components/form/FormSection";
import { RequestStatus } from "@/components/disclosure/RequestStatus";
import { AccountFrame } from "@/components/ui/PageFrame";
import { applicantRequestStep } from "./actions";

type Props = {
  params: Promise<{ locale: string; number: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export const generateMetadata = pageMetadata("disclosure", "disclosure:request.statusTitle");

/** The applicant's own information request: its status and reply, correction when asked, withdrawal. */
export default async function OwnRequestPage({ params, searchParams }: Props) {
  const [{ locale, t }, { number }, query] = await Promise.all([
    pageT(params, ["disclosure", "account", "errors", "apply"]),
    params,
    searchParams,
  ]);
  const actor = await requireCitizen(locale, `/${locale}/account/requests/${number}`);
  const found = await ownRequest({ actor, trackingNumber: number });
  if (!found) notFound();
  const hidden = { locale, trackingNumber: found.trackingNumber, expectedVersion: String(found.version) };
  const can = allowedSteps(requestWorkflow, actor, found);
  return (
    <AccountFrame title={found.trackingNumber} status={query.done ? t("account:done.saved") : null}>
      {can.includes("correct") ? (
        <FormSection
          framed
          id="correct"
          title={t("disclosure:applicant.correctTitle")}
          action={applicantRequestStep}
          hidden={{ ...hidden, step: "correct" }}
          fields={[
            { name: "reason", type: "textarea", rows: 6, label: t("disclosure:applicant.correctLabel") },
          ]}
          submitLabel={t("disclosure:applicant.correctSubmit")}
        />
      ) : null}
      <RequestStatus
        locale={locale}
        t={t}
        request={found}
        letter={{ number: found.trackingNumber, code: found.accessCode }}
      />
      {can.includes("withdraw") ? (
        <FormSection
          id="withdraw"
          title={t("disclosure:applicant.withdrawTitle")}
          tone="warning"
          action={applicantRequestStep}
          hidden={{ ...hidden, step: "withdraw" }}
          fields={[]}
          submitLabel={t("disclosure:applicant.withdrawSubmit")}
        />
      ) : null}
    </AccountFrame>
  );
}
