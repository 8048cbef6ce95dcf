"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { advanceFollowUp } from "@/lib/cases/followUp";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

export const advanceFollowUpAction = formAction({
  schema: z.object({
    trackingNumber: z.string().regex(serviceCaseNumberPattern),
    note: z.string().trim().min(1, "required").max(1000, "tooLongMax|1000"),
  }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await advanceFollowUp({ actor, trackingNumber: input.trackingNumber, note: input.note });
    redirect("/staff/follow-ups?done=1");
  },
});
