"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireStaff } from "@/lib/auth/session";
import { advanceFollowUp } from "@/lib/cases/followUp";
import { NotFoundError } from "@/lib/shared/errors";

const advance = formAction(
  z.object({ trackingNumber: z.string().regex(/^SV\d{14}$/), note: z.string().trim().min(1, "required").max(1000, "tooLongMax|1000") }),
  async (input) => {
    const actor = await requireStaff();
    try {
      await advanceFollowUp(await db(), { actor, trackingNumber: input.trackingNumber, note: input.note });
    } catch (error) {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }
    redirect("/staff/follow-ups?done=1");
  },
);

export async function advanceFollowUpAction(state: TFormState, formData: FormData): Promise<TFormState> {
  return advance(state, formData);
}
