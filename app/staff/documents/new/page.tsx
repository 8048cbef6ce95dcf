import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { requireStaff } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/policy";
import { departmentList } from "@/lib/places/queries";
import { StaffPage } from "@/components/staff/StaffPage";
import { TranslatedForm } from "@/components/form/TranslatedForm";
import { documentFields } from "@/components/disclosure/documentFields";
import { publishDocumentAction } from "../actions";

export const generateMetadata = staffPageMetadata("disclosure", "disclosure:editor.new");

/** Publish a new document for a department in the editor's scope; the 索引号 is made on publication. */
export default async function NewDocumentPage() {
  const actor = await requireStaff();
  const [t, departments] = await Promise.all([
    getT(defaultLocale, ["disclosure", "catalog", "errors"]),
    departmentList({ issuers: true }),
  ]);
  const mine = departments
    .filter((d) => hasRole(actor, "EDITOR", d.code))
    .map((d) => ({ value: d.code, label: d.name }));
  return (
    <StaffPage title={t("disclosure:editor.new")} className="grid gap-4">
      <TranslatedForm
        action={publishDocumentAction}
        fields={documentFields(t, mine)}
        submitLabel={t("disclosure:editor.publish")}
        staff
      />
    </StaffPage>
  );
}
