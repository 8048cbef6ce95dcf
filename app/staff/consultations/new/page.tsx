import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { departmentList } from "@/lib/places/queries";
import { chinaDay } from "@/lib/consultations/rules";
import { SimpleForm } from "@/components/form/SimpleForm";
import { consultationFields } from "@/components/consultations/consultationFields";
import { newConsultation } from "../actions";

export const generateMetadata = staffPageMetadata("consultations", "consultations:editor.new");

/** A new draft consultation: saved as a draft, opened for comment from its own page. */
export default async function NewConsultationPage() {
  const actor = await requireStaff();
  await orNotFound(openStaffArea({ actor, area: "newConsultation" }));
  const [t, departments] = await Promise.all([
    getT(defaultLocale, ["consultations", "errors"]),
    departmentList(),
  ]);
  return (
    <div className="grid max-w-3xl gap-4">
      <h1 className="text-2xl font-bold">{t("consultations:editor.new")}</h1>
      <SimpleForm
        action={newConsultation}
        fields={consultationFields(t, departments)}
        initialValues={{ kind: "ORDINARY", opensOn: chinaDay(new Date()) }}
        submitLabel={t("consultations:editor.create")}
        messages={errorMessages(t, { staff: true })}
        errorTitle={t("errors:summaryTitle")}
      />
    </div>
  );
}
