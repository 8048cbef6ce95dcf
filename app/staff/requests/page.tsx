import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { requireStaff } from "@/lib/auth/session";
import { isUnconfirmedLate, requestDueFlag, requestQueue } from "@/lib/disclosure/requestQueries";
import { chinaDay } from "@/lib/calendar/workdays";
import { DueFlag } from "@/components/cases/DueFlag";
import { ListPage } from "@/components/staff/ListPage";
import { keyColumn } from "@/components/ui/Table";
import { UnconfirmedRequests } from "@/components/disclosure/UnconfirmedRequests";

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
    <ListPage
      title={t("disclosure:staff.queue")}
      above={
        <>
          <p role="status">{t("staff:queueCount", { count: rows.length })}</p>
          <UnconfirmedRequests actor={actor} t={t} />
        </>
      }
      rows={rows}
      rowKey={(row) => row.trackingNumber}
      headers={(key) => t(`disclosure:staff.column.${key}`)}
      columns={[
        keyColumn({ key: "trackingNumber", base: "/staff/requests" }),
        { key: "requester", cell: (row) => row.requesterName },
        { key: "department", cell: (row) => row.department.shortName },
        {
          key: "status",
          cell: (row) => (
            <>
              {t(`disclosure:requestStatus.${row.status}`)}
              {isUnconfirmedLate(row.status, row.createdAt, today) ? (
                <>
                  {" "}
                  <strong className="bg-brand px-1 text-white">
                    {t("disclosure:staff.unconfirmedFlag")}
                  </strong>
                </>
              ) : null}
            </>
          ),
        },
        { key: "submitted", cell: (row) => formatDate(defaultLocale, row.createdAt) },
        {
          key: "due",
          cell: (row) => (
            <>
              {formatDay(defaultLocale, row.extendedDueOn ?? row.dueOn)}
              {row.dueProvisional ? ` ${t("disclosure:request.provisional")}` : ""}{" "}
              <DueFlag flag={requestDueFlag(row.status, row.extendedDueOn ?? row.dueOn, today)} t={t} />
            </>
          ),
        },
      ]}
    />
  );
}
