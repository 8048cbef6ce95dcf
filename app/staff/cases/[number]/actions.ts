"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { addInternalNote, assignCase, claimCase } from "@/lib/cases/staffCases";
import { trackingNumberPattern } from "@/lib/cases/schema";

const ZNumber = z.string().regex(trackingNumberPattern);
const backToCase = (trackingNumber: string, done: string) =>
  redirect(`/staff/cases/${trackingNumber}?done=${done}`);

export const noteCase = formAction({
  schema: z.object({
    trackingNumber: ZNumber,
    note: z.string().trim().min(1, "required").max(2000, "tooLongMax|2000"),
  }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await addInternalNote({ actor, trackingNumber: input.trackingNumber, note: input.note });
    backToCase(input.trackingNumber, "note");
  },
});

export const claimOwnCase = formAction({
  schema: z.object({ trackingNumber: ZNumber }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await claimCase({ actor, trackingNumber: input.trackingNumber });
    backToCase(input.trackingNumber, "claim");
  },
});

export const assignOtherCase = formAction({
  schema: z.object({ trackingNumber: ZNumber, assigneeId: z.string().min(1, "choose").max(40) }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await assignCase({ actor, trackingNumber: input.trackingNumber, assigneeId: input.assigneeId });
    backToCase(input.trackingNumber, "assign");
  },
});
