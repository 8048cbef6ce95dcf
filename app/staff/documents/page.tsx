import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { requireStaff } from "@/lib/auth/session";
import { departmentScope } from "@/lib/auth/policy";
import { editorDocuments } from "@/lib/disclosure/queries";
import { isLatePublication } from "@/lib/disclosure/editDocument";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT(defaultLocale, "disclosure");
  return { title: t("disclosure:editor.title") };
}

/** Documents of the editor's departments, with late publication (over 20 working days) marked. */
export default async function StaffDocumentsPage() {
  const actor = await requireStaff();
  const [t, docs] = await Promise.all([
    getT(defaultLocale, ["disclosure", "catalog"]),
    editorDocuments(departmentScope(actor, "EDITOR")),
  ]);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("disclosure:editor.title")}</h1>
      <p>
        <Link href="/staff/documents/new">{t("disclosure:editor.new")}</Link>
      </p>
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="bg-panel">
            {["indexNo", "title", "department", "publishedAt"].map((k) => (
              <th key={k} scope="col" className="border border-line p-2">
                {t(`disclosure:field.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr key={d.indexNo}>
              <td className="border border-line p-2">
                <Link href={`/staff/documents/${d.indexNo}`}>{d.indexNo}</Link>
              </td>
              <td className="border border-line p-2">
                {d.title}
                {d.validity !== "VALID" ? ` ${t("tag", { label: t(`catalog:validity.${d.validity}`) })}` : ""}
              </td>
              <td className="border border-line p-2">{d.department.shortName}</td>
              <td className="border border-line p-2">
                {formatDate(defaultLocale, d.publishedAt)}
                {isLatePublication(d.madeOn, d.publishedAt) ? (
                  <strong className="ml-2 text-brand">{t("disclosure:editor.late")}</strong>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
