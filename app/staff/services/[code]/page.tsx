import { getT, paramMetadata } from "@/lib/i18n/server";
import type { TSearchParams } from "@/lib/i18n/search-params";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { getServiceForEdit } from "@/lib/services/queries";
import { SimpleForm } from "@/components/form/SimpleForm";
import { StaffPage } from "@/components/staff/StaffPage";
import { serviceFields, serviceValues } from "@/components/staff/serviceFields";
import { saveService } from "./actions";

type Props = { params: Promise<{ code: string }>; searchParams: TSearchParams };

export const generateMetadata = paramMetadata("code");

/** Edit a service's 办事指南 and its form definition (administrators). */
export default async function EditServicePage({ params, searchParams }: Props) {
  const actor = await requireStaff();
  const service = await orNotFound(getServiceForEdit({ actor, code: (await params).code }));
  const t = await getT(defaultLocale, ["staff", "services", "errors", "catalog"]);
  return (
    <StaffPage
      className="grid gap-4"
      back={{ href: "/staff/services", label: t("staff:services.title"), nav: t("breadcrumb") }}
      title={`${service.code} · ${service.name}`}
      status={(await searchParams).saved ? t("staff:services.saved", { version: service.version }) : null}
    >
      <SimpleForm
        action={saveService}
        hidden={{ code: service.code, expectedVersion: String(service.version) }}
        fields={serviceFields(t)}
        initialValues={serviceValues(service)}
        submitLabel={t("staff:services.save")}
        messages={errorMessages(t, { staff: true })}
        errorTitle={t("errors:summaryTitle")}
      />
    </StaffPage>
  );
}
