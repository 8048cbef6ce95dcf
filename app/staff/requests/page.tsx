import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { requireStaff } from "@/lib/auth/session";
import { requestDueFlag, requestQueue } from "@/lib/disclosure/requestQueries";
import { chinaDay } from "@/lib/calendar/workdays";
import { DueFlag } from "@/components/cases/DueFlag";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT(defaultLocale, "disclosure");
  return { title: t("disclosure:staff.queue") };
}

/** 依申请公开 requests of the officer's departments, nearest deadline first. */
export default async function RequestQueuePage() {
  const actor = await requireStaff();
  const [t, rows] = await Promise.all([
    getT(defaultLocale, ["disclosure", "account", "staff"]),
    requestQueue(actor),
  ]);
  const today = chinaDay(new Date());
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("disclosure:staff.queue")}</h1>
      <p role="status">{t("staff:queueCount", { count: rows.length })}</p>
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="bg-panel">
            {["trackingNumber", "requester", "department", "status", "submitted", "due"].map((key) => (
              <th key={key} scope="col" className="border border-line p-2">
                {t(`disclosure:staff.column.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.trackingNumber}>
              <td className="border border-line p-2">
                <Link href={`/staff/requests/${row.trackingNumber}`}>{row.trackingNumber}</Link>
              </td>
              <td className="border border-line p-2">{row.requesterName}</td>
              <td className="border border-line p-2">{row.department.shortName}</td>
              <td className="border border-line p-2">{t(`disclosure:requestStatus.${row.status}`)}</td>
              <td className="border border-line p-2">{formatDate(defaultLocale, row.createdAt)}</td>
              <td className="border border-line p-2">
                {formatDay(defaultLocale, row.extendedDueOn ?? row.dueOn)}{" "}
                <DueFlag flag={requestDueFlag(row.status, row.extendedDueOn ?? row.dueOn, today)} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
