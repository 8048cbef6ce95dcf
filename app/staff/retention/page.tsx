import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { getRetention } from "@/lib/settings/queries";
import { retentionFields } from "@/lib/settings/retention";
import { StaffPage } from "@/components/staff/StaffPage";
import { FormSection } from "@/components/form/FormSection";
import { field } from "@/components/form/fields";
import { saveRetentionPeriods } from "./actions";

export const generateMetadata = staffPageMetadata("privacy", "privacy:retentionAdmin.title");

/** Administrators set how long the daily purge keeps what has no lasting reason to stay. */
export default async function RetentionPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  await orNotFound(openStaffArea({ actor: await requireStaff(), area: "retention" }));
  const [t, retention] = await Promise.all([getT(defaultLocale, ["privacy", "errors"]), getRetention()]);
  return (
    <StaffPage
      title={t("privacy:retentionAdmin.title")}
      status={(await searchParams).saved ? t("privacy:retentionAdmin.saved") : null}
      intro={t("privacy:retentionAdmin.intro")}
    >
      <FormSection
        id="periods"
        idPrefix="retention"
        title={t("privacy:retentionAdmin.days")}
        action={saveRetentionPeriods}
        initialValues={Object.fromEntries(retentionFields.map((field) => [field, String(retention[field])]))}
        fields={retentionFields.map((name) =>
          field.text(name, t(`privacy:retentionAdmin.field.${name}`), "off"),
        )}
        submitLabel={t("privacy:retentionAdmin.submit")}
      />
    </StaffPage>
  );
}
