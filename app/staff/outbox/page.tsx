import { getT, staffPageMetadata } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { orNotFound, requireStaff } from "@/lib/auth/session";
import { listOutbox } from "@/lib/notifications/queries";
import { smtpConfigured } from "@/lib/mail/sendMail";
import { PageHeader } from "@/components/staff/PageHeader";
import { Section } from "@/components/ui/Section";
import { listFailedJobs } from "@/lib/worker/failedJobs";
import { retryJob, retryOutboxMail } from "./actions";
import { SmsOutbox } from "./SmsOutbox";
import { RetryForm } from "./RetryForm";

export const generateMetadata = staffPageMetadata("notifications", "notifications:outboxTitle");

type TMailState = "sent" | "failed" | "retrying" | "queued" | "kept";

/**
 * Every e-mail the portal sent or is sending (administrators only); a failed one can be sent again.
 * Beside it, the background jobs that failed for good, which can be run again too.
 */
export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<{ retried?: string; jobRetried?: string; smsRetried?: string }>;
}) {
  const actor = await requireStaff();
  const mails = await orNotFound(listOutbox({ actor }));
  const failedJobs = await listFailedJobs({ actor });
  const query = await searchParams;
  const t = await getT(defaultLocale, ["notifications", "privacy", "sms"]);
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
        status={
          query.retried
            ? t("notifications:outboxRetried")
            : query.jobRetried
              ? t("notifications:failedJobRetried")
              : query.smsRetried
                ? t("sms:outbox.retried")
                : null
        }
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
                <RetryForm action={retryOutboxMail} id={mail.id} label={t("notifications:outboxRetry")} />
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
      <SmsOutbox actor={actor} t={t} />
      <Section id="failed-jobs" title={t("notifications:failedJobsTitle")}>
        <p>{t("notifications:failedJobsIntro")}</p>
        {failedJobs.length === 0 ? <p>{t("notifications:failedJobsEmpty")}</p> : null}
        <ol className="grid gap-2">
          {failedJobs.map((job) => (
            <li key={job.id} className="grid gap-1 border border-line p-4">
              <p className="text-sm">
                {t("notifications:failedJobSummary", {
                  kind: job.kind,
                  attempts: job.attempts,
                  at: formatDateTime(defaultLocale, job.failedAt),
                })}
              </p>
              <pre className="overflow-x-auto text-xs whitespace-pre-wrap">
                {job.lastError?.split("\n")[0]}
              </pre>
              <RetryForm action={retryJob} id={job.id} label={t("notifications:failedJobRetry")} />
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
