"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { postAction } from "@/lib/actions/formAction";
import { retryMail } from "@/lib/notifications/queries";
import { retryFailedJob } from "@/lib/worker/failedJobs";
import { retrySms } from "@/lib/sms/outbox";

/** The mail or job to try again, by its id. */
const ZRetry = z.object({ id: z.string().min(1).max(64) });

/** Sends a failed mail again (administrators). */
export const retryOutboxMail = postAction({
  schema: ZRetry,
  actor: "staff",
  run: async ({ input, actor }) => {
    await retryMail({ actor, id: input.id });
    redirect("/staff/outbox?retried=1");
  },
});

/** Runs a failed background job again (administrators). */
export const retryJob = postAction({
  schema: ZRetry,
  actor: "staff",
  run: async ({ input, actor }) => {
    await retryFailedJob({ actor, id: input.id });
    redirect("/staff/outbox?jobRetried=1");
  },
});

/** Sends a failed SMS again (administrators). */
export const retryOutboxSms = postAction({
  schema: z.object({ id: z.string().min(1).max(64) }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await retrySms({ actor, id: input.id });
    redirect("/staff/outbox?smsRetried=1#sms-outbox");
  },
});
