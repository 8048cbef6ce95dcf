import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { staffConsultations } from "@/lib/consultations/queries";
import { Table, titleColumn } from "@/components/ui/Table";
import { StaffPage } from "@/components/staff/StaffPage";
import { buttonClass } from "@/components/ui/Button";
import { periodText } from "@/components/consultations/periodText";

export const generateMetadata = staffPageMetadata("consultations", "consultations:editor.title");

/** The editors' desk for 意见征集: every consultation, newest change first, with comments waiting for moderation. */
export default async function StaffConsultationsPage() {
  const actor = await requireStaff();
  const [t, rows] = await Promise.all([
    getT(defaultLocale, ["consultations"]),
    orNotFound(staffConsultations({ actor })),
  ]);
  return (
    <StaffPage title={t("consultations:editor.title")} className="grid gap-4">
      <p>
        <Link href="/staff/consultations/new" className={buttonClass("primary", "inline-block no-underline")}>
          {t("consultations:editor.new")}
        </Link>
      </p>
      <Table
        rows={rows}
        rowKey={(c) => c.id}
        columns={[
          titleColumn({ header: t("consultations:editor.field.title"), base: "/staff/consultations" }),
          {
            key: "kind",
            header: t("consultations:kindLabel"),
            cell: (c) => t(`consultations:kind.${c.kind}`),
          },
          { key: "department", header: t("consultations:department"), cell: (c) => c.department.name },
          {
            key: "status",
            header: t("consultations:editor.statusColumn"),
            cell: (c) => t(`consultations:editor.status.${c.status}`),
          },
          {
            key: "period",
            header: t("consultations:editor.periodColumn"),
            cell: (c) => periodText(t, defaultLocale, c),
          },
          {
            key: "pending",
            header: t("consultations:editor.pendingColumn"),
            cell: (c) => String(c._count.comments),
          },
        ]}
      />
    </StaffPage>
  );
}
