import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { intParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { withQuery } from "@/lib/i18n/paths";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { auditFilterOf, auditOutcomes, auditTargetTypes } from "@/lib/auditTrail/schema";
import { latestAuditVerification, listAuditEntries } from "@/lib/auditTrail/queries";
import { canVerifyAuditChain } from "@/lib/auditTrail/policy";
import { auditTargetHref } from "@/lib/auditTrail/targetHref";
import { codeFilters, FilterForm } from "@/components/ui/Filters";
import { Field, inputClass } from "@/components/ui/Field";
import { Table } from "@/components/ui/Table";
import { Button } from "@/components/ui/Button";
import { Pagination } from "@/components/ui/Pagination";
import { StaffPage } from "@/components/staff/StaffPage";
import { verifyAuditChain } from "./actions";

export const generateMetadata = staffPageMetadata("audit", "audit:title");

/** The audit trail: administrators read all of it, supervisors their departments' rows. */
export default async function AuditPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  const query = await searchParams;
  const filter = auditFilterOf(query);
  // the list first: a reader it refuses gets the 404 (audited once) before anything else is read
  const { rows, total, page } = await orNotFound(
    listAuditEntries({ actor, filter, page: intParam(query.page) }),
  );
  const verification = await latestAuditVerification({ actor });
  const t = await getT(defaultLocale, ["audit", "staff"]);
  const byCode = codeFilters(t, filter);
  const raw = {
    person: param(query.person, 120),
    action: param(query.action, 80),
    targetType: filter.targetType,
    target: param(query.target, 120),
    outcome: filter.outcome,
    from: filter.from ? param(query.from, 25) : undefined,
    to: filter.to ? param(query.to, 25) : undefined,
  };
  const done = param(query.done);
  const text = (id: string, name: keyof typeof raw, type = "text") => (
    <Field id={id} label={t(`audit:filter.${name}`)}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={raw[name]}
        className={`${inputClass} w-full min-w-0`}
      />
    </Field>
  );

  return (
    <StaffPage
      title={t("audit:title")}
      status={done === "verified" || done === "broken" ? t(`audit:done.${done}`) : null}
    >
      <section aria-labelledby="chain" className="grid gap-2 border border-line p-4">
        <h2 id="chain" className="text-lg font-bold">
          {t("audit:chain.title")}
        </h2>
        <p>
          {!verification
            ? t("audit:chain.never")
            : verification.ok
              ? t("audit:chain.intact", {
                  at: formatDateTime(defaultLocale, verification.at),
                  rows: verification.rowsChecked,
                })
              : t("audit:chain.broken", {
                  at: formatDateTime(defaultLocale, verification.at),
                  row: verification.firstBadId?.toString(),
                  problem: t(`audit:problem.${verification.problem ?? "altered"}`),
                })}
        </p>
        <p className="text-sm text-muted">{t("audit:chain.how")}</p>
        {canVerifyAuditChain(actor) ? (
          <form action={verifyAuditChain}>
            <Button variant="secondary">{t("audit:chain.verifyNow")}</Button>
          </form>
        ) : null}
      </section>
      <FilterForm
        t={t}
        idPrefix="audit"
        filters={[
          byCode("targetType", t("audit:filter.targetType"), "audit:targetType", auditTargetTypes),
          byCode("outcome", t("audit:filter.outcome"), "audit:outcome", auditOutcomes),
        ]}
      >
        {text("audit-person", "person")}
        {text("audit-action", "action")}
        {text("audit-target", "target")}
        {text("audit-from", "from", "datetime-local")}
        {text("audit-to", "to", "datetime-local")}
      </FilterForm>
      <p role="status">
        {t("audit:count", { count: total })} ·{" "}
        <a href={withQuery("/staff/audit.csv", raw)}>{t("audit:exportCsv")}</a>
      </p>
      <Table
        dense
        caption={t("audit:title")}
        rows={rows}
        rowKey={(row) => row.id.toString()}
        headers={(key) => t(`audit:column.${key}`)}
        empty={<p>{t("audit:empty")}</p>}
        columns={[
          { key: "at", nowrap: true, cell: (row) => formatDateTime(defaultLocale, row.at) },
          {
            key: "person",
            cell: (row) => (row.actor ? `${row.actor.name} (${row.actor.email})` : t("audit:system")),
          },
          { key: "action", cell: (row) => <code>{row.action}</code> },
          {
            key: "target",
            cell: (row) => {
              const label = `${t(`audit:targetType.${row.entityType}`, { defaultValue: row.entityType })} ${row.entityId ?? ""}`;
              const href = auditTargetHref(row.entityType, row.entityId);
              return href ? <Link href={href}>{label}</Link> : label;
            },
          },
          {
            key: "outcome",
            cell: (row) =>
              row.outcome === "DENIED" ? (
                <strong>{t("audit:outcome.DENIED")}</strong>
              ) : (
                t("audit:outcome.ALLOWED")
              ),
          },
          { key: "ip", nowrap: true, cell: (row) => row.ip ?? "" },
          {
            key: "detail",
            cell: (row) =>
              row.detail === null ? (
                ""
              ) : (
                <code className="break-all">{JSON.stringify(row.detail).slice(0, 200)}</code>
              ),
          },
        ]}
      />
      <Pagination t={t} {...page} hrefFor={(n) => withQuery("/staff/audit", { ...raw, page: n })} />
    </StaffPage>
  );
}
