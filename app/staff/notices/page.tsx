import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { enumParam, type TSearchParams } from "@/lib/i18n/search-params";
import { requireStaff } from "@/lib/auth/session";
import { notFound } from "next/navigation";
import { isNoticeEditor } from "@/lib/notices/noticeWorkflow";
import { staffNoticeList } from "@/lib/notices/staffQueries";
import { noticeStatuses } from "@/lib/notices/noticeWorkflow";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT(defaultLocale, "notices");
  return { title: t("notices:editor.title") };
}

/** The editors' desk: notices by status, newest change first. */
export default async function StaffNoticesPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  const mayReview = isNoticeEditor(actor) || actor.grants.some((g) => g.role === "SUPERVISOR");
  if (!mayReview) notFound();
  const status = enumParam((await searchParams).status, noticeStatuses);
  const [t, { items, counts }] = await Promise.all([
    getT(defaultLocale, ["notices", "catalog"]),
    staffNoticeList(status),
  ]);
  const cell = "border border-line p-2";
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("notices:editor.title")}</h1>
      {isNoticeEditor(actor) ? (
        <p>
          <Link
            href="/staff/notices/new"
            className="inline-block bg-brand px-4 py-2 font-bold text-white no-underline"
          >
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
                {t(`notices:status.${s}`)} ({counts[s] ?? 0})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="bg-panel">
            <th scope="col" className={cell}>
              {t("notices:editor.field.title")}
            </th>
            <th scope="col" className={cell}>
              {t("notices:category")}
            </th>
            <th scope="col" className={cell}>
              {t("notices:editor.statusColumn")}
            </th>
            <th scope="col" className={cell}>
              {t("notices:editor.field.publishAt")}
            </th>
            <th scope="col" className={cell}>
              {t("notices:editor.author")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id}>
              <td className={cell}>
                <Link href={`/staff/notices/${n.id}`}>{n.title}</Link>
              </td>
              <td className={cell}>{t(`catalog:noticeCategory.${n.category}`)}</td>
              <td className={cell}>{t(`notices:status.${n.status}`)}</td>
              <td className={cell}>{formatDate(defaultLocale, n.publishedAt ?? n.publishAt)}</td>
              <td className={cell}>{n.author?.name ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
