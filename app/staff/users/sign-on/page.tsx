import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { enumParam, type TSearchParams } from "@/lib/i18n/search-params";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { listStaffSignOns } from "@/lib/auth/staffSignOnQueries";
import { signOnIssuer } from "@/lib/auth/signOnProviders";
import { accountFormMessages } from "@/lib/users/messages";
import { SimpleForm } from "@/components/form/SimpleForm";
import { Section } from "@/components/ui/Section";
import { Table } from "@/components/ui/Table";
import { StatusNote } from "@/components/ui/StatusNote";
import { StaffPage } from "@/components/staff/StaffPage";
import { registerStaffSignOnAction, removeStaffSignOnAction } from "./actions";

export const generateMetadata = staffPageMetadata("users", "users:signOn.title");

/**
 * 统一身份认证 for staff: which staff accounts the government sign-on opens (administrators only;
 * anyone else gets the 404 page), registering a subject or e-mail, and removing a link.
 */
export default async function StaffSignOnPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  const [accounts, t, query] = await Promise.all([
    orNotFound(listStaffSignOns({ actor })),
    getT(defaultLocale, ["users", "staff", "errors"]),
    searchParams,
  ]);
  const done = enumParam(query.done, ["registered", "removed"] as const);
  const issuer = signOnIssuer("staff");
  const messages = accountFormMessages(t);
  type TRow = {
    account: (typeof accounts)[number];
    identity: (typeof accounts)[number]["identities"][number] | null;
  };
  // one row a link; an account without one still shows, as not registered
  const rows = accounts.flatMap((account): TRow[] =>
    account.identities.length
      ? account.identities.map((identity) => ({ account, identity }))
      : [{ account, identity: null }],
  );
  return (
    <StaffPage
      className="grid gap-8"
      title={t("users:signOn.title")}
      back={{ href: "/staff/users", label: t("users:backToList"), nav: t("users:backNav") }}
      status={done ? t(`users:signOn.done.${done}`) : null}
      intro={t("users:signOn.intro")}
    >
      <Section id="links" title={t("users:signOn.listTitle")}>
        <Table
          caption={t("users:signOn.listTitle")}
          rows={rows}
          rowKey={(row) => row.identity?.id ?? row.account.id}
          headers={(key) => t(`users:signOn.column.${key}`)}
          columns={[
            {
              key: "account",
              rowHeader: true,
              cell: ({ account }) => (
                <>
                  <Link href={`/staff/users/${account.id}`}>{account.name}</Link>
                  <span className="block text-sm text-muted">{account.email}</span>
                </>
              ),
            },
            {
              key: "subject",
              cell: ({ identity }) =>
                !identity
                  ? t("users:signOn.notRegistered")
                  : identity.subject
                    ? identity.subject
                    : t("users:signOn.byEmail", { email: identity.email ?? "" }),
            },
            { key: "issuer", cell: ({ identity }) => identity?.issuer ?? "" },
            {
              key: "since",
              cell: ({ identity }) => (identity ? formatDateTime(defaultLocale, identity.linkedAt) : ""),
            },
            {
              key: "lastUsed",
              cell: ({ identity }) =>
                identity
                  ? identity.lastUsedAt
                    ? formatDateTime(defaultLocale, identity.lastUsedAt)
                    : t("users:never")
                  : "",
            },
            {
              key: "remove",
              cell: ({ account, identity }) =>
                identity ? (
                  <SimpleForm
                    idPrefix={`remove-${identity.id}`}
                    action={removeStaffSignOnAction}
                    hidden={{ identityId: identity.id }}
                    fields={[]}
                    submitLabel={t("users:signOn.remove", { name: account.name })}
                    tone="warning"
                    messages={messages}
                    errorTitle={t("errors:summaryTitle")}
                  />
                ) : null,
            },
          ]}
        />
      </Section>
      <Section id="register" title={t("users:signOn.registerTitle")} className="grid gap-4">
        {issuer ? (
          <>
            <p className="max-w-2xl">{t("users:signOn.registerIntro", { issuer })}</p>
            <SimpleForm
              idPrefix="register"
              action={registerStaffSignOnAction}
              fields={[
                {
                  name: "userId",
                  label: t("users:signOn.field.userId"),
                  type: "select",
                  options: accounts.map((account) => ({
                    value: account.id,
                    label: `${account.name} (${account.email})`,
                  })),
                },
                {
                  name: "subject",
                  label: t("users:signOn.field.subject"),
                  type: "text",
                  autoComplete: "off",
                  hint: t("users:signOn.field.subjectHint"),
                },
                {
                  name: "email",
                  label: t("users:signOn.field.email"),
                  type: "email",
                  autoComplete: "off",
                  hint: t("users:signOn.field.emailHint"),
                },
              ]}
              submitLabel={t("users:signOn.registerSubmit")}
              messages={messages}
              errorTitle={t("errors:summaryTitle")}
            />
          </>
        ) : (
          <StatusNote>{t("users:signOn.notConfigured")}</StatusNote>
        )}
      </Section>
    </StaffPage>
  );
}
