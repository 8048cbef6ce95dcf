import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { departmentChoices } from "@/lib/users/accountQueries";
import { accountFormMessages } from "@/lib/users/messages";
import { SimpleForm } from "@/components/form/SimpleForm";
import { StaffPage } from "@/components/staff/StaffPage";
import { grantFields } from "@/components/staff/grantFields";
import { createStaffAccountAction } from "../actions";

export const generateMetadata = staffPageMetadata("users", "users:create.title");

/** A new staff account: name, work address, first role and scope; the person sets their own password from the mail. */
export default async function NewStaffAccountPage() {
  const actor = await orNotFound(openStaffArea({ actor: await requireStaff(), area: "users" }));
  const [t, departments] = await Promise.all([
    getT(defaultLocale, ["users", "staff", "errors"]),
    departmentChoices({ actor }),
  ]);
  return (
    <StaffPage
      title={t("users:create.title")}
      back={{ href: "/staff/users", label: t("users:backToList"), nav: t("users:backNav") }}
      intro={t("users:create.intro")}
    >
      <SimpleForm
        idPrefix="account"
        action={createStaffAccountAction}
        fields={[
          { name: "name", type: "text", label: t("users:field.name"), autoComplete: "off" },
          { name: "email", type: "email", label: t("users:field.email"), autoComplete: "off" },
          ...grantFields(t, departments),
        ]}
        submitLabel={t("users:create.submit")}
        messages={accountFormMessages(t)}
        errorTitle={t("errors:summaryTitle")}
      />
    </StaffPage>
  );
}
