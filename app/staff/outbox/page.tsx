import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate } from "@/lib/i18n/format";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { listOutbox } from "@/lib/notifications/queries";
import { smtpConfigured } from "@/lib/mail/sendMail";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/staff/PageHeader";
import { retryOutboxMail } from "./actions";

export const generateMetadata = staffPageMetadata("notifications", "notifications:outboxTitle");

type TMailState = "sent" | "failed" | "retrying" | "queued" | "kept";

/** Every e-mail the portal sent or is sending (administrators only); a failed one can be sent again. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ retried?: string }> }) {
  const actor = await requireStaff();
  const mails = await orNotFound(listOutbox({ actor }));
  const t = await getT(defaultLocale, ["notifications", "privacy"]);
  const stateOf = (mail: (typeof mails)[number]): TMailState =>
    mail.sentAt
      ? "sent"
      : mail.failedAt
        ? "failed"
        : mail.error
          ? "retrying"
          : smtpConfigured()
            ? "queued"
            : "kept";
  return (
    <div className="grid gap-4">
      <PageHeader
        title={t("notifications:outboxTitle")}
        status={(await searchParams).retried ? t("notifications:outboxRetried") : null}
      />
      <p>{t("notifications:outboxIntro")}</p>
      {mails.length === 0 ? <p>{t("notifications:outboxEmpty")}</p> : null}
      <ol className="grid gap-4">
        {mails.map((mail) => {
          const state = stateOf(mail);
          return (
            <li key={mail.id} className="grid gap-1 border border-line p-4">
              <p className="font-bold">{mail.subject}</p>
              <p className="text-sm text-muted">
                {t("notifications:column.to")}
                {t("colon")}
                {mail.to} · {formatDate(defaultLocale, mail.createdAt)} ·{" "}
                <span data-state={state}>{t(`notifications:state.${state}`)}</span>
              </p>
              {mail.error && !mail.sentAt ? (
                <p className="text-sm">{t("notifications:outboxError", { error: mail.error })}</p>
              ) : null}
              {state === "failed" && !mail.purgedAt ? (
                <form action={retryOutboxMail}>
                  <input type="hidden" name="id" value={mail.id} />
                  <button type="submit" className={buttonClass("secondary")}>
                    {t("notifications:outboxRetry")}
                  </button>
                </form>
              ) : null}
              {mail.purgedAt ? (
                <p className="text-sm text-muted">{t("privacy:account.mailPurged")}</p>
              ) : (
                <pre className="font-sans text-sm whitespace-pre-wrap">{mail.text}</pre>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
