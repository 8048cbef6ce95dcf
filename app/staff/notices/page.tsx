import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, type TSearchParams } from "@/lib/i18n/search-params";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { isNoticeEditor, noticeStatuses } from "@/lib/notices/noticeWorkflow";
import { staffNoticeList } from "@/lib/notices/staffQueries";
import { Table, titleColumn } from "@/components/ui/Table";
import { StaffPage } from "@/components/staff/StaffPage";
import { buttonClass } from "@/components/ui/Button";

export const generateMetadata = staffPageMetadata("notices", "notices:editor.title");

/** The editors' desk: notices by status, newest change first. */
export default async function StaffNoticesPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  const status = enumParam((await searchParams).status, noticeStatuses);
  const [t, list] = await Promise.all([
    getT(defaultLocale, ["notices", "catalog"]),
    orNotFound(staffNoticeList({ actor, status })),
  ]);
  return (
    <StaffPage title={t("notices:editor.title")} className="grid gap-4">
      {isNoticeEditor(actor) ? (
        <p>
          <Link href="/staff/notices/new" className={buttonClass("primary", "inline-block no-underline")}>
            {t("notices:editor.new")}
          </Link>
        </p>
      ) : null}
      <nav aria-label={t("notices:editor.byStatus")}>
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link href="/staff/notices" aria-current={status ? undefined : "page"}>
              {t("all")}
            </Link>
          </li>
          {noticeStatuses.map((s) => (
            <li key={s}>
              <Link href={`/staff/notices?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {t(`notices:status.${s}`)} ({list.counts[s] ?? 0})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Table
        rows={list.items}
        rowKey={(n) => n.id}
        columns={[
          titleColumn({ header: t("notices:editor.field.title"), base: "/staff/notices" }),
          {
            key: "category",
            header: t("notices:category"),
            cell: (n) => t(`catalog:noticeCategory.${n.category}`),
          },
          {
            key: "status",
            header: t("notices:editor.statusColumn"),
            cell: (n) => t(`notices:status.${n.status}`),
          },
          {
            key: "publishAt",
            header: t("notices:editor.field.publishAt"),
            nowrap: true,
            cell: (n) => formatDate(defaultLocale, n.publishedAt ?? n.publishAt),
          },
          { key: "author", header: t("notices:editor.author"), cell: (n) => n.author?.name ?? "" },
        ]}
      />
    </StaffPage>
  );
}
