import type { ReactNode } from "react";
import { Link } from "@/components/ui/Link";
import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { errorMessages } from "@/lib/i18n/messages";
import { formatDate } from "@/lib/i18n/format";
import { intParam, param, type TSearchParams } from "@/lib/i18n/search-params";
import { requireStaff } from "@/lib/auth/session";
import { twoFactorStatus } from "@/lib/auth/manageTwoFactor";
import { groupedSecret, totpQrCode } from "@/lib/auth/totpQrCode";
import { Section } from "@/components/ui/Section";
import { Button } from "@/components/ui/Button";
import { CodeForm } from "@/components/form/CodeForm";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import {
  cancelStaffReenrolment,
  changeStaffPassword,
  confirmStaffReenrolment,
  regenerateStaffRecoveryCodes,
  startStaffReenrolment,
} from "./actions";

export const generateMetadata = staffPageMetadata("staff", "staff:account.title");

/**
 * A member of staff's own account: the password, and the second factor — its state, a move to
 * another authenticator, new recovery codes. The sessions have their own page.
 */
export default async function StaffAccountPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireStaff();
  const [t, status, query] = await Promise.all([
    getT(defaultLocale, ["staff", "account", "auth", "errors"]),
    twoFactorStatus({ actor }),
    searchParams,
  ]);
  const passwordChanged = param(query.passwordChanged, 4);
  const qr = status.pendingSecret
    ? await totpQrCode({
        secret: status.pendingSecret,
        issuer: t("staff:twoFactor.issuer"),
        account: actor.email,
      })
    : null;
  // every form here asks for a code from the authenticator
  const code = {
    messages: errorMessages(t, { staff: true }),
    errorTitle: t("errors:summaryTitle"),
    name: "code" as const,
    label: t("staff:twoFactor.code"),
  };
  return (
    <div className="grid gap-8">
      <h1 className="text-2xl font-bold">{t("staff:account.title")}</h1>
      <p>
        {actor.name} ({actor.email}) · <Link href="/staff/sessions">{t("staff:sessionsLink")}</Link>
      </p>

      <Section title={t("account:password.title")} id="password" className="grid gap-4">
        {passwordChanged !== undefined ? (
          <p role="status" className="border-l-4 border-brand pl-3">
            {t("account:password.changed", { count: intParam(passwordChanged) ?? 0 })}
          </p>
        ) : null}
        <ChangePasswordForm t={t} action={changeStaffPassword} locale={defaultLocale} />
      </Section>

      <Section title={t("staff:account.twoFactorTitle")} id="two-factor" className="grid gap-4">
        {param(query.reenrolled, 1) ? (
          <p role="status" className="border-l-4 border-brand pl-3">
            {t("staff:account.reenrolled")}
          </p>
        ) : null}
        <p>
          {status.enrolledAt
            ? t("staff:account.enrolledSince", {
                date: formatDate(defaultLocale, status.enrolledAt),
                count: status.recoveryCodesLeft,
              })
            : t("staff:account.notEnrolled")}
        </p>
        {status.pendingSecret && qr ? (
          <TwoFactorTask intro={t("staff:account.reenrolConfirmIntro")}>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
            <img src={qr} alt={t("staff:twoFactor.qrAlt")} width={246} height={246} className="border" />
            <p>
              {t("staff:twoFactor.secretText")}{" "}
              <code className="font-mono text-lg">{groupedSecret(status.pendingSecret)}</code>
            </p>
            <CodeForm
              {...code}
              action={confirmStaffReenrolment}
              idPrefix="reenrol"
              hint={t("staff:twoFactor.enrolCodeHint")}
              submitLabel={t("staff:account.reenrolConfirm")}
            />
            <form action={cancelStaffReenrolment}>
              <Button variant="link">{t("staff:account.reenrolCancel")}</Button>
            </form>
          </TwoFactorTask>
        ) : status.enrolledAt ? (
          <TwoFactorTask title={t("staff:account.reenrolTitle")} intro={t("staff:account.reenrolIntro")}>
            <CodeForm
              {...code}
              action={startStaffReenrolment}
              idPrefix="reenrol"
              submitLabel={t("staff:account.reenrolStart")}
            />
          </TwoFactorTask>
        ) : null}
        {status.enrolledAt ? (
          <TwoFactorTask
            title={t("staff:account.regenerateTitle")}
            intro={t("staff:account.regenerateIntro")}
          >
            <CodeForm
              {...code}
              action={regenerateStaffRecoveryCodes}
              idPrefix="recovery"
              submitLabel={t("staff:account.regenerate")}
              shownOnce={{
                title: t("staff:twoFactor.recoveryCodesTitle"),
                intro: t("staff:twoFactor.recoveryCodesIntro"),
              }}
            />
          </TwoFactorTask>
        ) : null}
      </Section>
    </div>
  );
}

/** One thing to do with the second factor: its heading when it has one, what it does, its form. */
function TwoFactorTask({ title, intro, children }: { title?: string; intro: string; children: ReactNode }) {
  return (
    <div className="grid gap-3">
      {title ? <h3 className="text-lg font-bold">{title}</h3> : null}
      <p className="max-w-2xl">{intro}</p>
      {children}
    </div>
  );
}
