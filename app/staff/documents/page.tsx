import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { requireStaff } from "@/lib/auth/session";
import { editorDocuments } from "@/lib/disclosure/queries";
import { isLatePublication } from "@/lib/disclosure/editDocument";
import { ListPage } from "@/components/staff/ListPage";
import { keyColumn } from "@/components/ui/Table";

export const generateMetadata = staffPageMetadata("disclosure", "disclosure:editor.title");

/** Documents of the editor's departments, with late publication (over 20 working days) marked. */
export default async function StaffDocumentsPage() {
  const actor = await requireStaff();
  const [t, docs] = await Promise.all([
    getT(defaultLocale, ["disclosure", "catalog"]),
    editorDocuments({ actor }),
  ]);
  return (
    <ListPage
      title={t("disclosure:editor.title")}
      above={
        <p>
          <Link href="/staff/documents/new">{t("disclosure:editor.new")}</Link>
        </p>
      }
      rows={docs}
      rowKey={(d) => d.indexNo}
      headers={(key) => t(`disclosure:field.${key}`)}
      columns={[
        keyColumn({ key: "indexNo", base: "/staff/documents", nowrap: true }),
        {
          key: "title",
          cell: (d) =>
            d.validity !== "VALID"
              ? `${d.title} ${t("tag", { label: t(`catalog:validity.${d.validity}`) })}`
              : d.title,
        },
        { key: "department", cell: (d) => d.department.shortName },
        {
          key: "publishedAt",
          cell: (d) => (
            <>
              {formatDate(defaultLocale, d.publishedAt)}
              {isLatePublication(d.madeOn, d.publishedAt) ? (
                <strong className="ml-2 text-brand">{t("disclosure:editor.late")}</strong>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
