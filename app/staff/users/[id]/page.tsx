import type { ReactNode } from "react";
import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDateTime } from "@/lib/i18n/format";
import { withQuery } from "@/lib/i18n/paths";
import { enumParam, type TSearchParams } from "@/lib/i18n/search-params";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { openStaffArea } from "@/lib/users/staffAreas";
import { accountDetail, departmentChoices } from "@/lib/users/accountQueries";
import { accountFormMessages } from "@/lib/users/messages";
import { SimpleForm } from "@/components/form/SimpleForm";
import { Section } from "@/components/ui/Section";
import { Table } from "@/components/ui/Table";
import { StaffPage } from "@/components/staff/StaffPage";
import { grantFields } from "@/components/staff/grantFields";
import {
  disableAccountAction,
  enableAccountAction,
  grantRoleAction,
  resetPasswordAction,
  resetTwoFactorAction,
  revokeRoleAction,
} from "../actions";

type Props = { params: Promise<{ id: string }>; searchParams: TSearchParams };

const doneStates = [
  "invited",
  "granted",
  "revoked",
  "disabled",
  "enabled",
  "passwordReset",
  "twoFactorReset",
] as const;

export const generateMetadata = staffPageMetadata("users", "users:account.title");

/** One account for its administrator: what it is, its roles, and what can be done to it. */
export default async function AccountPage({ params, searchParams }: Props) {
  const actor = await orNotFound(openStaffArea({ actor: await requireStaff(), area: "users" }));
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [account, departments, t] = await Promise.all([
    orNotFound(accountDetail({ actor, userId: id })),
    departmentChoices({ actor }),
    getT(defaultLocale, ["users", "staff", "errors", "privacy"]),
  ]);
  const done = enumParam(query.done, doneStates);
  const messages = accountFormMessages(t);
  const staff = account.accountType === "STAFF";
  const hidden = { userId: account.id };
  const facts: [string, ReactNode][] = [
    ["email", account.closedAt ? "" : account.email],
    ["kind", t(`users:accountType.${account.accountType}`)],
    [
      "state",
      account.disabled ? (
        <strong>{t("users:state.disabled")}</strong>
      ) : account.awaitingConfirmation ? (
        t("users:state.unconfirmed")
      ) : (
        t("users:state.enabled")
      ),
    ],
    ["created", formatDateTime(defaultLocale, account.createdAt)],
    [
      "lastSignIn",
      account.lastLoginAt ? formatDateTime(defaultLocale, account.lastLoginAt) : t("users:never"),
    ],
    ["sessions", t("users:account.sessionCount", { count: account.liveSessions })],
    ...(staff
      ? ([
          [
            "twoFactor",
            t(account.twoFactorEnrolled ? "users:account.enrolled" : "users:account.notEnrolled"),
          ],
        ] as [string, ReactNode][])
      : []),
    ...(account.pendingLink
      ? ([
          [
            "pendingLink",
            t(`users:account.pending.${account.pendingLink.purpose === "invite" ? "invite" : "reset"}`, {
              until: formatDateTime(defaultLocale, account.pendingLink.expiresAt),
            }),
          ],
        ] as [string, ReactNode][])
      : []),
  ];
  // one button's form: the account's id and nothing else, with the rule it may break shown above it
  const button = (prefix: string, action: typeof disableAccountAction, label: string, warning = false) => (
    <SimpleForm
      idPrefix={prefix}
      action={action}
      hidden={hidden}
      fields={[]}
      submitLabel={label}
      tone={warning ? "warning" : "primary"}
      messages={messages}
      errorTitle={t("errors:summaryTitle")}
    />
  );
  return (
    <StaffPage
      className="grid gap-8"
      title={account.closedAt ? t("privacy:closedAccount") : account.name}
      back={{ href: "/staff/users", label: t("users:backToList"), nav: t("users:backNav") }}
      status={done ? t(`users:done.${done}`) : null}
    >
      <Section id="facts" title={t("users:account.title")}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {facts.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="font-bold">{t(`users:account.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2">
          <Link href={withQuery("/staff/audit", { targetType: "User", target: account.id })}>
            {t("users:account.auditTrail")}
          </Link>
        </p>
        {staff ? (
          <p className="mt-2">
            <Link href="/staff/users/sign-on">{t("users:signOn.link")}</Link>
          </p>
        ) : null}
      </Section>
      {staff ? (
        <Section id="roles" title={t("users:roles.title")} className="grid gap-4">
          <p className="max-w-2xl">{t("users:roles.intro")}</p>
          <Table
            caption={t("users:roles.title")}
            rows={account.grants}
            rowKey={(grant) => grant.id}
            headers={(key) => t(`users:roles.column.${key}`)}
            empty={t("users:roles.none")}
            columns={[
              { key: "role", rowHeader: true, cell: (grant) => t(`staff:role.${grant.role}`) },
              { key: "scope", cell: (grant) => grant.department?.name ?? t("staff:allDepartments") },
              {
                key: "remove",
                cell: (grant) => (
                  <SimpleForm
                    idPrefix={`revoke-${grant.id}`}
                    action={revokeRoleAction}
                    hidden={{ ...hidden, grantId: grant.id }}
                    fields={[]}
                    submitLabel={t("users:roles.remove", {
                      role: t(`staff:role.${grant.role}`),
                      scope: grant.department?.name ?? t("staff:allDepartments"),
                    })}
                    tone="warning"
                    messages={messages}
                    errorTitle={t("errors:summaryTitle")}
                  />
                ),
              },
            ]}
          />
          <h3 className="text-lg font-bold">{t("users:roles.add")}</h3>
          <SimpleForm
            idPrefix="grant"
            action={grantRoleAction}
            hidden={hidden}
            fields={grantFields(t, departments)}
            submitLabel={t("users:roles.addSubmit")}
            messages={messages}
            errorTitle={t("errors:summaryTitle")}
          />
        </Section>
      ) : null}
      <Section id="actions" title={t("users:actions.title")} className="grid gap-6">
        <p className="max-w-2xl">{t("users:actions.intro")}</p>
        <div className="grid gap-2">
          <p>{t("users:actions.resetPasswordHint")}</p>
          {button("reset-password", resetPasswordAction, t("users:actions.resetPassword"))}
        </div>
        {staff ? (
          <div className="grid gap-2">
            <p>{t("users:actions.resetTwoFactorHint")}</p>
            {button("reset-two-factor", resetTwoFactorAction, t("users:actions.resetTwoFactor"))}
          </div>
        ) : null}
        <div className="grid gap-2">
          <p>{t(account.disabled ? "users:actions.enableHint" : "users:actions.disableHint")}</p>
          {account.disabled
            ? button("enable", enableAccountAction, t("users:actions.enable"))
            : button("disable", disableAccountAction, t("users:actions.disable"), true)}
        </div>
      </Section>
    </StaffPage>
  );
}
