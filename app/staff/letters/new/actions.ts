"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { createWorkOrder, ZWorkOrder } from "@/lib/letters/hotline";

/**
 * An operator's 12345 work order: filed as a letter on channel 热线电话, then opened for its
 * number and code. The form's one-time key makes a second click (or a resent form) file nothing new.
 */
export const createWorkOrderAction = formAction({
  schema: ZWorkOrder.extend({ requestId: z.uuid() }),
  actor: "staff",
  run: async ({ input: { requestId, ...order }, actor }) => {
    const { number } = await createWorkOrder({ actor, order, idempotencyKey: requestId });
    redirect(`/staff/letters/${number}?done=hotline`);
  },
});
