import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { requireStaff } from "@/lib/auth/session";
import { letterDueFlag, letterQueue } from "@/lib/letters/queries";
import { chinaDay } from "@/lib/calendar/workdays";
import { DueFlag } from "@/components/cases/DueFlag";
import { ListPage } from "@/components/staff/ListPage";
import { keyColumn } from "@/components/ui/Table";
import { mailboxName } from "@/components/letters/mailboxName";
import { takesHotlineCalls } from "@/lib/letters/hotline";
import { buttonClass } from "@/components/ui/Button";

export const generateMetadata = staffPageMetadata("letters", "letters:staff.queue");

/** The letters of the mailboxes this person handles, nearest deadline first, with due marks. */
export default async function LetterQueuePage() {
  const actor = await requireStaff();
  const [t, rows] = await Promise.all([
    getT(defaultLocale, ["letters", "account", "staff"]),
    letterQueue({ actor }),
  ]);
  const today = chinaDay(new Date());
  return (
    <ListPage
      title={t("letters:staff.queue")}
      above={
        <>
          {takesHotlineCalls(actor) ? (
            <p>
              <Link href="/staff/letters/new" className={buttonClass("secondary")}>
                {t("letters:hotline.newLink")}
              </Link>
            </p>
          ) : null}
          <p role="status">{t("staff:queueCount", { count: rows.length })}</p>
        </>
      }
      rows={rows}
      rowKey={(row) => row.number}
      headers={(key) => t(`letters:column.${key}`)}
      columns={[
        keyColumn({ key: "number", base: "/staff/letters" }),
        { key: "subject", cell: (row) => row.subject },
        { key: "kind", cell: (row) => t(`letters:kind.${row.kind}`) },
        { key: "channel", cell: (row) => t(`letters:hotline.channelValue.${row.channel}`) },
        { key: "mailbox", cell: (row) => mailboxName(t, defaultLocale, row.department) },
        { key: "status", cell: (row) => t(`letters:status.${row.status}`) },
        { key: "written", cell: (row) => formatDate(defaultLocale, row.createdAt) },
        {
          key: "due",
          cell: (row) => (
            <>
              {formatDay(defaultLocale, row.dueOn)}{" "}
              <DueFlag flag={letterDueFlag(row.status, row.dueOn, today)} t={t} />
            </>
          ),
        },
      ]}
    />
  );
}
