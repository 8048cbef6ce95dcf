"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireStaff } from "@/lib/auth/session";
import { advanceFollowUp } from "@/lib/cases/followUp";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

const advance = formAction(
  z.object({
    trackingNumber: z.string().regex(serviceCaseNumberPattern),
    note: z.string().trim().min(1, "required").max(1000, "tooLongMax|1000"),
  }),
  async (input) => {
    const actor = await requireStaff();
    await advanceFollowUp(await db(), { actor, trackingNumber: input.trackingNumber, note: input.note });
    redirect("/staff/follow-ups?done=1");
  },
);

export async function advanceFollowUpAction(state: TFormState, formData: FormData): Promise<TFormState> {
  return advance(state, formData);
}
