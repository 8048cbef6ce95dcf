"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { createWorkOrder, ZWorkOrder } from "@/lib/letters/hotline";

/** An operator's 12345 work order: filed as a letter on channel 热线电话, then opened for its number and code. */
export const createWorkOrderAction = formAction({
  schema: ZWorkOrder,
  actor: "staff",
  run: async ({ input, actor }) => {
    const { number } = await createWorkOrder({ actor, order: input });
    redirect(`/staff/letters/${number}?done=hotline`);
  },
});
