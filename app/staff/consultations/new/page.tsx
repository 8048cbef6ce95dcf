import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { departmentList } from "@/lib/places/queries";
import { chinaDay } from "@/lib/consultations/rules";
import { StaffPage } from "@/components/staff/StaffPage";
import { TranslatedForm } from "@/components/form/TranslatedForm";
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
    <StaffPage title={t("consultations:editor.new")} className="grid max-w-3xl gap-4">
      <TranslatedForm
        action={newConsultation}
        fields={consultationFields(t, departments)}
        initialValues={{ kind: "ORDINARY", opensOn: chinaDay(new Date()) }}
        submitLabel={t("consultations:editor.create")}
        staff
      />
    </StaffPage>
  );
}
