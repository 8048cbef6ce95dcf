import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { attemptSend, sideBySide, type TJobHandler, type TJobHandlers } from "../jobs/queue";
import { ZMailJob } from "./sendMail";

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url, {
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 10000,
    } as never);
    transports.set(url, transport);
  }
  return transport;
}

const defaultMailFrom = "成都市政务服务门户 <noreply@chengdu.gov.cn.example>";

/** An SMTP answer that will not change on a retry: the server refused the mail for good (5xx). */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Delivers one queued mail over SMTP_URL. Without SMTP_URL the outbox is the only mailbox (for
 * development). A delivery — and any notice delivery it stands for — is recorded only after the
 * SMTP server accepted the mail. A temporary failure is recorded and thrown, so the queue retries
 * it later; a permanent refusal, or the last attempt, ends it as a failed mail that
 * administrators see in the outbox and can send again.
 */
const sendQueuedMail: TJobHandler = async ({ db: prisma, payload, job }) => {
  const { outboxId, headers, deliveries } = ZMailJob.parse(payload);
  const mail = await prisma.outboxMail.findUnique({ where: { id: outboxId } });
  const url = process.env.SMTP_URL;
  // a purged mail (retention, a closed account) has no body or address left to send
  if (!mail || mail.sentAt || mail.failedAt || mail.purgedAt || !url) return;
  const attempted = await attemptSend(job, {
    send: () =>
      transportFor(url).sendMail({
        from: process.env.MAIL_FROM ?? defaultMailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers,
      }),
    permanent,
    record: (data) => prisma.outboxMail.update({ where: { id: outboxId }, data }),
  });
  if (!attempted) return;
  await prisma.$transaction([
    prisma.outboxMail.update({ where: { id: outboxId }, data: { sentAt: new Date(), error: null } }),
    ...(deliveries
      ? [
          prisma.noticeDelivery.createMany({
            data: deliveries.subscriptionIds.map((subscriptionId) => ({
              noticeId: deliveries.noticeId,
              subscriptionId,
            })),
            skipDuplicates: true,
          }),
        ]
      : []),
  ]);
};

export const mailJobHandlers: TJobHandlers = { "mail.send": sideBySide(sendQueuedMail) };
