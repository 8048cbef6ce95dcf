import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { enumParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { withQuery } from "@/lib/i18n/paths";
import { requireStaff } from "@/lib/auth/session";
import { staffScopeSummary } from "@/lib/users/staffQueries";
import { staffQueue } from "@/lib/cases/queries";
import { caseStatuses } from "@/lib/cases/caseWorkflow";
import { Field, inputClass } from "@/components/ui/Field";
import { DueFlag } from "@/components/cases/DueFlag";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT(defaultLocale, "staff");
  return { title: t("staff:workbench") };
}

/** The workbench: the case queue of the user's departments; anyone but staff goes to sign-in. */
export default async function StaffHomePage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requireStaff();
  const query = await searchParams;
  const filter = {
    status: enumParam(query.status, caseStatuses),
    service: param(query.service, 30),
    due: enumParam(query.due, ["overdue", "soon"] as const),
    mine: query.mine === "1" ? true : undefined,
  };
  const locale = defaultLocale;
  const [t, scope, queue] = await Promise.all([
    getT(locale, ["staff", "account"]),
    staffScopeSummary(user),
    staffQueue(user, filter),
  ]);
  const csv = withQuery("/staff/cases.csv", { ...filter, mine: filter.mine ? "1" : undefined });

  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">{t("staff:workbench")}</h1>
      <section aria-labelledby="roles">
        <h2 id="roles" className="mb-1 text-lg font-bold">
          {t("staff:roles")}
        </h2>
        <ul className="ml-6 list-disc">
          {scope.map((grant) => (
            <li key={`${grant.role}-${grant.department ?? "all"}`}>
              {t(`staff:role.${grant.role}`)} · {grant.departmentName ?? t("staff:allDepartments")}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="queue" className="grid gap-4">
        <h2 id="queue" className="text-xl font-bold">
          {t("staff:queue")}
        </h2>
        <form
          method="get"
          className="grid items-end gap-4 bg-panel p-4 md:grid-cols-5"
          aria-label={t("filters")}
        >
          <Field id="q-status" label={t("account:status")}>
            <select id="q-status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {caseStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`account:caseStatus.${status}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="q-service" label={t("staff:serviceCode")}>
            <input id="q-service" name="service" defaultValue={filter.service} className={inputClass} />
          </Field>
          <Field id="q-due" label={t("staff:deadline")}>
            <select id="q-due" name="due" defaultValue={filter.due ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              <option value="soon">{t("staff:due.soon")}</option>
              <option value="overdue">{t("staff:due.overdue")}</option>
            </select>
          </Field>
          <label className="flex min-h-10 items-center gap-2">
            <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine} className="h-5 w-5" />
            {t("staff:mine")}
          </label>
          <button type="submit" className="min-h-10 bg-brand px-4 py-2 font-bold text-white">
            {t("applyFilters")}
          </button>
        </form>
        <p role="status">
          {t("staff:queueCount", { count: queue.length })} · <a href={csv}>{t("staff:exportCsv")}</a>
        </p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="bg-panel">
                {["trackingNumber", "service", "applicant", "status", "submitted", "due", "assignee"].map(
                  (key) => (
                    <th key={key} scope="col" className="border border-line p-2">
                      {t(`staff:column.${key}`)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {queue.map((row) => (
                <tr key={row.trackingNumber}>
                  <td className="border border-line p-2">
                    <Link href={`/staff/cases/${row.trackingNumber}`}>{row.trackingNumber}</Link>
                  </td>
                  <td className="border border-line p-2">{row.service.name}</td>
                  <td className="border border-line p-2">{row.applicant.name}</td>
                  <td className="border border-line p-2">{t(`account:caseStatus.${row.status}`)}</td>
                  <td className="border border-line p-2 whitespace-nowrap">
                    {formatDate(locale, row.submittedAt)}
                  </td>
                  <td className="border border-line p-2 whitespace-nowrap">
                    {formatDay(locale, row.promisedDue)} <DueFlag flag={row.flag} t={t} />
                  </td>
                  <td className="border border-line p-2">{row.assignee?.name ?? t("staff:unassigned")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
