import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { withQuery } from "@/lib/i18n/paths";
import { enumParam, intParam, type TSearchParams } from "@/lib/i18n/search-params";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { webhookDeliveryLog } from "@/lib/webhooks/endpoints";
import { StaffPage } from "@/components/staff/StaffPage";
import { Table } from "@/components/ui/Table";
import { Pagination } from "@/components/ui/Pagination";
import { buttonClass } from "@/components/ui/Button";
import { retryDelivery } from "../actions";

export const generateMetadata = staffPageMetadata("letters", "letters:hotline.admin.logTitle");

const states = ["waiting", "delivered"] as const;

/** Every webhook delivery, newest first (administrators only): status, attempts and the last error; a waiting one can be sent again. */
export default async function WebhookDeliveriesPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  const query = await searchParams;
  const state = enumParam(query.state, states);
  const log = await orNotFound(webhookDeliveryLog({ actor, page: intParam(query.page), state }));
  const t = await getT(defaultLocale, ["letters", "staff"]);
  return (
    <StaffPage
      className="grid gap-4"
      back={{ href: "/staff/hotline", label: t("letters:hotline.admin.title"), nav: t("breadcrumb") }}
      title={t("letters:hotline.admin.logTitle")}
      status={query.retried ? t("letters:hotline.admin.retried") : null}
    >
      <p>{t("letters:hotline.admin.logIntro")}</p>
      <nav aria-label={t("letters:hotline.admin.filter")}>
        <ul className="flex flex-wrap gap-4">
          {([undefined, ...states] as const).map((s) => (
            <li key={s ?? "all"}>
              <Link
                href={withQuery("/staff/hotline/deliveries", { state: s })}
                aria-current={s === state ? "page" : undefined}
              >
                {t(`letters:hotline.admin.show.${s ?? "all"}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status">{t("letters:hotline.admin.logCount", { count: log.total })}</p>
      <Table
        dense
        caption={t("letters:hotline.admin.logTitle")}
        rows={log.rows}
        rowKey={(row) => row.id}
        headers={(key) => t(`letters:hotline.admin.column.${key}`)}
        columns={[
          { key: "createdAt", nowrap: true, cell: (row) => formatDateTime(defaultLocale, row.createdAt) },
          {
            key: "letter",
            cell: (row) =>
              row.letterNumber ? (
                <Link href={`/staff/letters/${row.letterNumber}`}>{row.letterNumber}</Link>
              ) : null,
          },
          { key: "event", cell: (row) => `${row.sequence} · ${row.event}` },
          { key: "endpoint", cell: (row) => row.endpoint.name },
          {
            key: "state",
            cell: (row) => (
              <span data-state={row.deliveredAt ? "delivered" : "waiting"}>
                {row.deliveredAt
                  ? t("letters:hotline.admin.deliveredAt", {
                      at: formatDateTime(defaultLocale, row.deliveredAt),
                    })
                  : t("letters:hotline.admin.show.waiting")}
                {row.lastStatus ? ` (HTTP ${row.lastStatus})` : ""}
              </span>
            ),
          },
          { key: "attempts", cell: (row) => String(row.attempts) },
          {
            key: "lastError",
            cell: (row) =>
              row.lastError && !row.deliveredAt ? <code className="break-all">{row.lastError}</code> : null,
          },
          {
            key: "action",
            cell: (row) =>
              row.deliveredAt ? null : (
                <form action={retryDelivery}>
                  <input type="hidden" name="id" value={row.id} />
                  <button type="submit" className={buttonClass("secondary")}>
                    {t("letters:hotline.admin.retry")}
                    <span className="sr-only">
                      {" "}
                      {row.letterNumber} {row.sequence}
                    </span>
                  </button>
                </form>
              ),
          },
        ]}
      />
      <Pagination
        t={t}
        page={log.page}
        pages={log.pages}
        hrefFor={(n) => withQuery("/staff/hotline/deliveries", { state, page: n })}
      />
    </StaffPage>
  );
}
