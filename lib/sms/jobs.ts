import "server-only";
import fs from "node:fs/promises";
import { attemptSend, sideBySide, type TJobHandler, type TJobHandlers } from "../jobs/queue";
import { ZSmsJob } from "./sendSms";
import { sendThroughProvider, SmsRefused, smsProviderConfig } from "./provider";
import type { TSmsParams, TSmsTemplate } from "./templates";

/** What an administrator reading the outbox sees instead of a verification code once it is sent. */
const hiddenCode = "******";

/**
 * Delivers one queued SMS through the provider (SMS_URL). Without SMS_URL the SMS outbox is the
 * only phone (the local driver, for development): the message stays there, readable, and is
 * written to SMS_OUTBOX_FILE when that is set. A temporary
 * failure is recorded and thrown so the queue retries it later; a refusal, or the last attempt,
 * ends it as a failed SMS that administrators see in the outbox and can send again. Once the
 * provider took a verification code, the outbox keeps it hidden: the code is the person's alone.
 */
const sendQueuedSms: TJobHandler = async ({ db: prisma, payload, job, signal }) => {
  const { outboxId } = ZSmsJob.parse(payload);
  const sms = await prisma.outboxSms.findUnique({ where: { id: outboxId } });
  const config = smsProviderConfig();
  if (!sms || sms.sentAt || sms.failedAt) return;
  if (!config) {
    // the local driver: the outbox is the phone; for development and browser tests it can also
    // write each message, as a JSON line, to SMS_OUTBOX_FILE (the way the SMTP sink writes mail)
    const file = process.env.SMS_OUTBOX_FILE;
    if (file)
      await fs.appendFile(
        file,
        `${JSON.stringify({ to: sms.to, template: sms.template, params: sms.params, at: new Date() })}\n`,
      );
    return;
  }
  const attempted = await attemptSend(job, {
    send: () =>
      sendThroughProvider(
        config,
        {
          to: sms.to,
          template: sms.template as TSmsTemplate,
          params: sms.params as TSmsParams,
          outId: sms.id,
        },
        signal,
      ),
    permanent: (error) => error instanceof SmsRefused,
    record: (data) => prisma.outboxSms.update({ where: { id: outboxId }, data }),
  });
  if (!attempted) return;
  const providerId = attempted.sent;
  const params = sms.params as TSmsParams;
  await prisma.outboxSms.update({
    where: { id: outboxId },
    data: {
      sentAt: new Date(),
      error: null,
      providerId,
      ...(params.code ? { params: { ...params, code: hiddenCode } } : {}),
    },
  });
};

export const smsJobHandlers: TJobHandlers = { "sms.send": sideBySide(sendQueuedSms) };
