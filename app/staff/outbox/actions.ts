"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { postAction } from "@/lib/actions/formAction";
import type { TSessionUser } from "@/lib/auth/types";
import { retryMail } from "@/lib/notifications/queries";
import { retryFailedJob } from "@/lib/worker/failedJobs";
import { retrySms } from "@/lib/sms/outbox";

/**
 * Tries a failed mail, text message or background job again by its id (administrators), then the
 * outbox says so (`next`).
 */
const retryAction = (retry: (input: { actor: TSessionUser; id: string }) => Promise<void>, next: string) =>
  postAction({
    schema: z.object({ id: z.string().min(1).max(64) }),
    actor: "staff",
    run: async ({ input, actor }) => {
      await retry({ actor, id: input.id });
      redirect(next);
    },
  });

export const retryOutboxMail = retryAction(retryMail, "/staff/outbox?retried=1");

export const retryJob = retryAction(retryFailedJob, "/staff/outbox?jobRetried=1");

export const retryOutboxSms = retryAction(retrySms, "/staff/outbox?smsRetried=1#sms-outbox");
