import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime, formatDay } from "@/lib/i18n/format";
import { intParam, type TSearchParams } from "@/lib/i18n/search-params";
import { withQuery } from "@/lib/i18n/paths";
import { codeOptions } from "@/lib/i18n/options";
import { requireStaff } from "@/lib/auth/session";
import { staffScopeSummary } from "@/lib/users/staffQueries";
import { queuePage } from "@/lib/cases/staffCases";
import { caseStatuses } from "@/lib/cases/caseWorkflow";
import { queueFilterFrom, queueQuery, queueShows } from "@/lib/cases/queueFilter";
import { staffHome } from "@/lib/users/staffHome";
import StaffNoticesPage from "./notices/page";
import { Field, inputClass } from "@/components/ui/Field";
import { FilterSelect } from "@/components/ui/Filters";
import { DueFlag } from "@/components/cases/DueFlag";
import { Table } from "@/components/ui/Table";
import { Button } from "@/components/ui/Button";
import { Section } from "@/components/ui/Section";
import { Pagination } from "@/components/ui/Pagination";

export const generateMetadata = staffPageMetadata("staff", "staff:workbench");

/**
 * The workbench: the case queue of the user's departments (open cases, the nearest deadline first);
 * an editor who works no cases lands on the notice desk instead. Anyone but staff goes to sign-in.
 */
export default async function StaffHomePage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requireStaff();
  if (staffHome(user) === "notices") return <StaffNoticesPage searchParams={searchParams} />;
  const query = await searchParams;
  const filter = queueFilterFrom(query);
  const locale = defaultLocale;
  const [t, scope, queue] = await Promise.all([
    getT(locale, ["staff", "account", "privacy"]),
    staffScopeSummary({ actor: user }),
    queuePage({ actor: user, filter, page: intParam(query.page) }),
  ]);
  const csv = withQuery("/staff/cases.csv", queueQuery(filter));
  // a filter whose first choice clears it
  const select = (
    name: string,
    label: string,
    value: string | undefined,
    options: { value: string; label: string }[],
  ) => (
    <FilterSelect
      id={`q-${name}`}
      name={name}
      label={label}
      value={value}
      allLabel={t("all")}
      options={options}
    />
  );

  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("staff:workbench")}</h1>
      <Section id="roles" title={t("staff:roles")} headingClassName="mb-1 text-lg font-bold">
        <ul className="ml-6 list-disc">
          {scope.map((grant) => (
            <li key={`${grant.role}-${grant.department ?? "all"}`}>
              {t(`staff:role.${grant.role}`)} · {grant.departmentName ?? t("staff:allDepartments")}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="queue" title={t("staff:queue")} className="grid gap-4">
        <form
          method="get"
          className="grid items-end gap-4 bg-panel p-4 md:grid-cols-3 lg:grid-cols-6"
          aria-label={t("filters")}
        >
          <Field id="q-show" label={t("staff:show.label")}>
            <select id="q-show" name="show" defaultValue={filter.show} className={inputClass}>
              {queueShows.map((show) => (
                <option key={show} value={show}>
                  {t(`staff:show.${show}`)}
                </option>
              ))}
            </select>
          </Field>
          {select(
            "status",
            t("account:status"),
            filter.status,
            codeOptions(t, "account:caseStatus", caseStatuses),
          )}
          <Field id="q-service" label={t("staff:serviceCode")}>
            <input id="q-service" name="service" defaultValue={filter.service} className={inputClass} />
          </Field>
          {select("due", t("staff:deadline"), filter.due, [
            { value: "soon", label: t("staff:due.soon") },
            { value: "overdue", label: t("staff:due.overdue") },
          ])}
          <label className="flex min-h-10 items-center gap-2">
            <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine} className="h-5 w-5" />
            {t("staff:mine")}
          </label>
          <Button>{t("applyFilters")}</Button>
        </form>
        <p role="status">
          {t(
            `${
              filter.status || filter.show === "all"
                ? "staff:queueCount"
                : filter.show === "open"
                  ? "staff:queueOpenCount"
                  : "staff:queueClosedCount"
            }${queue.more ? "AtLeast" : ""}`,
            { count: queue.total },
          )}{" "}
          · <a href={csv}>{t("staff:exportCsv")}</a>
        </p>
        <div className="overflow-x-auto">
          <Table
            dense
            rows={queue.rows}
            rowKey={(row) => row.trackingNumber}
            headers={(key) => t(`staff:column.${key}`)}
            columns={[
              {
                key: "trackingNumber",
                cell: (row) => <Link href={`/staff/cases/${row.trackingNumber}`}>{row.trackingNumber}</Link>,
              },
              { key: "service", cell: (row) => row.service.name },
              {
                key: "applicant",
                cell: (row) => (row.applicant.closedAt ? t("privacy:closedAccount") : row.applicant.name),
              },
              { key: "status", cell: (row) => t(`account:caseStatus.${row.status}`) },
              { key: "submitted", nowrap: true, cell: (row) => formatDateTime(locale, row.submittedAt) },
              {
                key: "due",
                nowrap: true,
                cell: (row) => (
                  <>
                    {formatDay(locale, row.promisedDue) || t("account:dueAfterAcceptance")}{" "}
                    <DueFlag flag={row.flag} t={t} />
                  </>
                ),
              },
              { key: "assignee", cell: (row) => row.assignee?.name ?? t("staff:unassigned") },
            ]}
          />
        </div>
        <Pagination
          t={t}
          page={queue.page}
          pages={queue.pages}
          more={queue.more}
          hrefFor={(page) =>
            withQuery("/staff", { ...queueQuery(filter), page: page > 1 ? page : undefined })
          }
        />
        {queue.listedUpTo ? (
          <p className="mt-2 text-sm text-muted">{t("staff:queueCapped", { count: queue.listedUpTo })}</p>
        ) : null}
      </Section>
    </div>
  );
}
