import { redirect } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { formReturnParam } from "@/lib/actions/formReturn";
import { staffRequest } from "@/lib/disclosure/requestQueries";
import { requestWorkflow } from "@/lib/disclosure/requestWorkflow";
import { stepToConfirm } from "@/lib/workflow/confirmStep";
import { ConfirmStep } from "@/components/staff/ConfirmStep";

type Props = { params: Promise<{ number: string }>; searchParams: TSearchParams };

export const generateMetadata = staffPageMetadata("staff", "staff:confirm.pageTitle");

/** The second page of an irreversible step on a 依申请公开 request; without one waiting, back to the request. */
export default async function ConfirmRequestStepPage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const found = await orNotFound(staffRequest({ actor, trackingNumber: (await params).number }));
  const id = (await searchParams)[formReturnParam];
  const pending = await stepToConfirm({
    actor,
    id,
    trackingNumber: found.trackingNumber,
    steps: requestWorkflow.steps,
  });
  const requestPath = `/staff/requests/${found.trackingNumber}`;
  if (!pending) redirect(requestPath);
  const t = await getT(defaultLocale, ["staff", "disclosure", "account"]);
  const step = t(`disclosure:staff.step.${pending.step}`);
  return (
    <ConfirmStep
      title={t("staff:confirm.title", { step, number: found.trackingNumber })}
      consequence={t(`disclosure:staff.confirm.${pending.step}`)}
      warningLabel={t("staff:confirm.warning")}
      facts={[
        { term: t("staff:column.trackingNumber"), value: found.trackingNumber },
        { term: t("disclosure:staff.column.requester"), value: found.requesterName },
        { term: t("disclosure:request.description"), value: found.description },
      ]}
      postTo="/api/forms/request-step"
      values={pending.values}
      confirmLabel={t("staff:confirm.button", { step })}
      change={{
        href: `${requestPath}?${formReturnParam}=${String(id)}#step-${pending.step}`,
        label: t("staff:confirm.change"),
      }}
      cancel={{ href: requestPath, label: t("staff:confirm.cancel") }}
    />
  );
}
