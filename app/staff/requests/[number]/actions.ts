"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireStaff } from "@/lib/auth/session";
import { applyRequestStep } from "@/lib/disclosure/applyRequestStep";
import { requestStepNames, type TRequestStep } from "@/lib/disclosure/requestWorkflow";
import { NotFoundError } from "@/lib/shared/errors";
import { saveUpload } from "@/lib/uploads/saveUpload";
import { staffRequest } from "@/lib/disclosure/requestQueries";

const ZStep = z.object({
  trackingNumber: z.string().regex(/^GK\d{14}$/),
  step: z.enum(requestStepNames as [TRequestStep, ...TRequestStep[]]),
  expectedVersion: z.coerce.number().int().positive(),
  reason: z.string().trim().max(2000, "tooLongMax|2000").optional(),
  missing: z.string().max(4000, "tooLongMax|4000").optional(),
  days: z
    .string()
    .regex(/^\d{0,2}$/, "numberFormat")
    .optional(),
  outcome: z.string().max(60).optional(),
  legalBasis: z.string().trim().max(1000, "tooLongMax|1000").optional(),
  replyText: z.string().trim().max(10000, "tooLongMax|10000").optional(),
});

const step = formAction(ZStep, async (input, formData) => {
  const actor = await requireStaff();
  const [outcome, outcomeSub] = (input.outcome ?? "").split(":");
  const prisma = await db();
  const files =
    input.step === "reply"
      ? formData.getAll("replyFiles").filter((f): f is File => f instanceof File && f.size > 0)
      : [];
  // files are stored only for an officer of the request's department
  if (files.length && !(await staffRequest(actor, input.trackingNumber))) throw new NotFoundError("request");
  const replyFileIds: string[] = [];
  for (const file of files)
    replyFileIds.push(
      (
        await saveUpload({
          db: prisma,
          actor,
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
          field: "replyFiles",
          purpose: "reply",
        })
      ).id,
    );
  await applyRequestStep({
    replyFileIds,
    actor,
    trackingNumber: input.trackingNumber,
    step: input.step,
    expectedVersion: input.expectedVersion,
    reason: input.reason,
    missing: input.missing?.split(/\r?\n/),
    days: input.days ? Number(input.days) : undefined,
    outcome: outcome || undefined,
    outcomeSub: outcomeSub || null,
    legalBasis: input.legalBasis,
    replyText: input.replyText,
  });
  redirect(`/staff/requests/${input.trackingNumber}?done=${input.step}`);
});

export async function requestStepAction(state: TFormState, formData: FormData): Promise<TFormState> {
  return step(state, formData);
}
