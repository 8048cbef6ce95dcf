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
import { deliveryState, OutboxList } from "./OutboxList";

export const generateMetadata = staffPageMetadata("notifications", "notifications:outboxTitle");

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
      <OutboxList
        intro={t("notifications:outboxIntro")}
        empty={t("notifications:outboxEmpty")}
        entries={mails}
        className="grid gap-4"
      >
        {(mail) => {
          const state = deliveryState(mail, smtpConfigured());
          return (
            <>
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
            </>
          );
        }}
      </OutboxList>
      <SmsOutbox actor={actor} t={t} />
      <Section id="failed-jobs" title={t("notifications:failedJobsTitle")}>
        <OutboxList
          intro={t("notifications:failedJobsIntro")}
          empty={t("notifications:failedJobsEmpty")}
          entries={failedJobs}
        >
          {(job) => (
            <>
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
            </>
          )}
        </OutboxList>
      </Section>
    </div>
  );
}
