import { redirect } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { formReturnParam } from "@/lib/actions/formReturn";
import { getStaffCase } from "@/lib/cases/staffCases";
import { caseWorkflow } from "@/lib/cases/caseWorkflow";
import { stepToConfirm } from "@/lib/workflow/confirmStep";
import { ConfirmStep } from "@/components/staff/ConfirmStep";

type Props = { params: Promise<{ number: string }>; searchParams: TSearchParams };

export const generateMetadata = staffPageMetadata("staff", "staff:confirm.pageTitle");

/**
 * The second page of 不予受理 or 不予: what will happen, the reason as the applicant will read it,
 * and the one button that takes the step. Without a step waiting for this person, back to the case.
 */
export default async function ConfirmCaseStepPage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const { number } = await params;
  const found = await orNotFound(getStaffCase({ actor, trackingNumber: number }));
  const id = (await searchParams)[formReturnParam];
  const pending = await stepToConfirm({
    actor,
    id,
    trackingNumber: found.trackingNumber,
    steps: caseWorkflow.steps,
  });
  const casePath = `/staff/cases/${found.trackingNumber}`;
  if (!pending) redirect(casePath);
  const t = await getT(defaultLocale, ["staff", "account", "privacy"]);
  const step = t(`staff:step.${pending.step}`);
  return (
    <ConfirmStep
      title={t("staff:confirm.title", { step, number: found.trackingNumber })}
      consequence={t(`staff:confirm.consequence.${pending.step}`)}
      warningLabel={t("staff:confirm.warning")}
      facts={[
        { term: t("staff:column.trackingNumber"), value: found.trackingNumber },
        { term: t("staff:column.service"), value: found.service.name },
        {
          term: t("staff:column.applicant"),
          value: found.applicant.closedAt ? t("privacy:closedAccount") : found.applicant.name,
        },
        { term: t("account:status"), value: t(`account:caseStatus.${found.status}`) },
        { term: t("staff:reason"), value: pending.values.reason ?? "" },
      ]}
      postTo="/api/forms/case-step"
      values={pending.values}
      confirmLabel={t("staff:confirm.button", { step })}
      change={{
        href: `${casePath}?${formReturnParam}=${String(id)}#step-${pending.step}`,
        label: t("staff:confirm.change"),
      }}
      cancel={{ href: casePath, label: t("staff:confirm.cancel") }}
    />
  );
}
