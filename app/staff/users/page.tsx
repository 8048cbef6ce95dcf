import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { intParam, type TSearchParams } from "@/lib/i18n/search-params";
import { withQuery } from "@/lib/i18n/paths";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { accountFilterOf, accountKinds, accountStates, staffRoles } from "@/lib/users/schema";
import { departmentChoices, listAccounts } from "@/lib/users/accountQueries";
import { codeFilters, FilterForm } from "@/components/ui/Filters";
import { Field, inputClass } from "@/components/ui/Field";
import { Table } from "@/components/ui/Table";
import { buttonClass } from "@/components/ui/Button";
import { Pagination } from "@/components/ui/Pagination";
import { StaffPage } from "@/components/staff/StaffPage";
import { GrantList } from "@/components/staff/GrantList";

export const generateMetadata = staffPageMetadata("users", "users:title");

/** Every account, staff and citizens, for administrators: search, filter, open one. */
export default async function UsersPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await orNotFound(openStaffArea({ actor: await requireStaff(), area: "users" }));
  const query = await searchParams;
  const filter = accountFilterOf(query);
  const [{ rows, total, page }, departments, t] = await Promise.all([
    listAccounts({ actor, filter, page: intParam(query.page) }),
    departmentChoices({ actor }),
    getT(defaultLocale, ["users", "staff", "privacy"]),
  ]);
  const byCode = codeFilters(t, filter);
  return (
    <StaffPage title={t("users:title")}>
      <p>
        <Link href="/staff/users/new" className={buttonClass("primary", "inline-block no-underline")}>
          {t("users:create.title")}
        </Link>{" "}
        <Link href="/staff/users/sign-on" className="ml-4">
          {t("users:signOn.link")}
        </Link>
      </p>
      <FilterForm
        t={t}
        idPrefix="users"
        cols={3}
        filters={[
          byCode("kind", t("users:filter.kind"), "users:kind", accountKinds),
          byCode("role", t("users:filter.role"), "staff:role", staffRoles),
          {
            name: "department",
            label: t("users:filter.department"),
            value: filter.department,
            options: departments.map((d) => ({ value: d.code, label: d.name })),
          },
          byCode("state", t("users:filter.state"), "users:state", accountStates),
        ]}
      >
        <Field id="users-q" label={t("users:filter.q")}>
          <input
            id="users-q"
            name="q"
            type="search"
            defaultValue={filter.q}
            className={`${inputClass} w-full min-w-0`}
          />
        </Field>
      </FilterForm>
      <p role="status">{t("users:count", { count: total })}</p>
      <Table
        dense
        caption={t("users:title")}
        rows={rows}
        rowKey={(row) => row.id}
        headers={(key) => t(`users:column.${key}`)}
        empty={t("users:empty")}
        columns={[
          {
            key: "name",
            rowHeader: true,
            cell: (row) => (
              <Link href={`/staff/users/${row.id}`}>
                {row.closedAt ? t("privacy:closedAccount") : row.name}
              </Link>
            ),
          },
          { key: "email", cell: (row) => (row.closedAt ? "" : row.email) },
          { key: "kind", cell: (row) => t(`users:accountType.${row.accountType}`) },
          { key: "roles", cell: (row) => <GrantList t={t} grants={row.grants} /> },
          {
            key: "state",
            cell: (row) =>
              row.disabled ? <strong>{t("users:state.disabled")}</strong> : t("users:state.enabled"),
          },
          {
            key: "lastSignIn",
            nowrap: true,
            cell: (row) =>
              row.lastLoginAt ? formatDateTime(defaultLocale, row.lastLoginAt) : t("users:never"),
          },
        ]}
      />
      <Pagination t={t} {...page} hrefFor={(n) => withQuery("/staff/users", { ...filter, page: n })} />
    </StaffPage>
  );
}
