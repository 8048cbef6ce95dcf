import { redirect } from "next/navigation";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { formReturnParam } from "@/lib/actions/formReturn";
import { noticeForStaff } from "@/lib/notices/staffQueries";
import { noticeWorkflow } from "@/lib/notices/noticeWorkflow";
import { stepToConfirm } from "@/lib/workflow/confirmStep";
import { ConfirmStep } from "@/components/staff/ConfirmStep";
import { SimpleForm } from "@/components/form/SimpleForm";
import { noticeStepAction } from "../../actions";

type Props = { params: Promise<{ id: string }>; searchParams: TSearchParams };

export const generateMetadata = staffPageMetadata("staff", "staff:confirm.pageTitle");

/** The second page of 退回 or 归档 on a notice; without one waiting for this person, back to the notice. */
export default async function ConfirmNoticeStepPage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const notice = await orNotFound(noticeForStaff({ actor, id: (await params).id }));
  const id = (await searchParams)[formReturnParam];
  const pending = await stepToConfirm({
    actor,
    id,
    trackingNumber: notice.id,
    keyField: "id",
    steps: noticeWorkflow.steps,
  });
  const noticePath = `/staff/notices/${notice.id}`;
  if (!pending) redirect(noticePath);
  const t = await getT(defaultLocale, ["staff", "notices", "errors"]);
  const step = t(`notices:editor.step.${pending.step}`);
  return (
    <ConfirmStep
      title={t("staff:confirm.title", { step, number: notice.title })}
      consequence={t(`notices:editor.confirm.${pending.step}`)}
      warningLabel={t("staff:confirm.warning")}
      facts={[
        { term: t("notices:editor.field.title"), value: notice.title },
        { term: t("notices:editor.statusColumn"), value: t(`notices:status.${notice.status}`) },
        ...(pending.values.comment
          ? [{ term: t("notices:editor.comment"), value: pending.values.comment }]
          : []),
      ]}
      change={{
        href: `${noticePath}?${formReturnParam}=${String(id)}#workflow`,
        label: t("staff:confirm.change"),
      }}
      cancel={{ href: noticePath, label: t("notices:editor.confirmCancel") }}
    >
      <SimpleForm
        idPrefix="confirm"
        action={noticeStepAction}
        hidden={{ ...pending.values, confirmed: "1" }}
        fields={[]}
        submitLabel={t("staff:confirm.button", { step })}
        tone="warning"
        messages={errorMessages(t, { staff: true })}
        errorTitle={t("errors:summaryTitle")}
      />
    </ConfirmStep>
  );
}
