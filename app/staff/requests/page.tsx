import Link from "next/link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { requireStaff } from "@/lib/auth/session";
import { requestDueFlag, requestQueue } from "@/lib/disclosure/requestQueries";
import { chinaDay } from "@/lib/calendar/workdays";
import { DueFlag } from "@/components/cases/DueFlag";
import { Table } from "@/components/ui/Table";

export const generateMetadata = staffPageMetadata("disclosure", "disclosure:staff.queue");

/** 依申请公开 requests of the officer's departments, nearest deadline first. */
export default async function RequestQueuePage() {
  const actor = await requireStaff();
  const [t, rows] = await Promise.all([
    getT(defaultLocale, ["disclosure", "account", "staff"]),
    requestQueue({ actor }),
  ]);
  const today = chinaDay(new Date());
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{t("disclosure:staff.queue")}</h1>
      <p role="status">{t("staff:queueCount", { count: rows.length })}</p>
      <Table
        dense
        caption={t("disclosure:staff.queue")}
        rows={rows}
        rowKey={(row) => row.trackingNumber}
        headers={(key) => t(`disclosure:staff.column.${key}`)}
        columns={[
          {
            key: "trackingNumber",
            cell: (row) => <Link href={`/staff/requests/${row.trackingNumber}`}>{row.trackingNumber}</Link>,
          },
          { key: "requester", cell: (row) => row.requesterName },
          { key: "department", cell: (row) => row.department.shortName },
          { key: "status", cell: (row) => t(`disclosure:requestStatus.${row.status}`) },
          { key: "submitted", cell: (row) => formatDate(defaultLocale, row.createdAt) },
          {
            key: "due",
            cell: (row) => (
              <>
                {formatDay(defaultLocale, row.extendedDueOn ?? row.dueOn)}{" "}
                <DueFlag flag={requestDueFlag(row.status, row.extendedDueOn ?? row.dueOn, today)} t={t} />
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
