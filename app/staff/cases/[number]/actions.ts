"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireStaff } from "@/lib/auth/session";
import { applyCaseStep } from "@/lib/cases/applyCaseStep";
import { addInternalNote, assignCase, claimCase, getStaffCase } from "@/lib/cases/staffCases";
import { caseStepNames, caseWorkflow, type TCaseStep } from "@/lib/cases/caseWorkflow";
import { saveUpload } from "@/lib/uploads/saveUpload";
import { NotFoundError } from "@/lib/shared/errors";
import { trackingNumberPattern } from "@/lib/cases/schema";

const ZNumber = z.string().regex(trackingNumberPattern);

async function onStaffCase(
  trackingNumber: string,
  done: string,
  run: (actor: Awaited<ReturnType<typeof requireStaff>>) => Promise<unknown>,
) {
  const actor = await requireStaff();
  await run(actor);
  redirect(`/staff/cases/${trackingNumber}?done=${done}`);
}

const ZTransition = z.object({
  trackingNumber: ZNumber,
  transition: z.enum(caseStepNames as [TCaseStep, ...TCaseStep[]]),
  expectedVersion: z.coerce.number().int().positive(),
  reason: z.string().trim().max(1000, "tooLongMax|1000").optional(),
  missing: z.string().max(4000, "tooLongMax|4000").optional(),
});

const transition = formAction(ZTransition, (input, formData) =>
  onStaffCase(input.trackingNumber, input.transition, async (actor) => {
    const prisma = await db();
    // only staff of the case's department may store a result file
    if (!(await getStaffCase(prisma, actor, input.trackingNumber))) throw new NotFoundError("case");
    const file = formData.get("resultFile");
    const wantsFile = caseWorkflow.steps[input.transition].needsResultFile;
    const result =
      wantsFile && file instanceof File && file.size > 0
        ? await saveUpload(prisma, {
            actor,
            name: file.name,
            bytes: new Uint8Array(await file.arrayBuffer()),
            field: "resultFile",
            purpose: "result",
          })
        : null;
    await applyCaseStep({
      actor,
      trackingNumber: input.trackingNumber,
      step: input.transition,
      expectedVersion: input.expectedVersion,
      reason: input.reason,
      // one missing item per line: the full list, given once
      missing: input.missing?.split(/\r?\n/),
      resultAttachmentId: result?.id,
    });
  }),
);

const note = formAction(
  z.object({
    trackingNumber: ZNumber,
    note: z.string().trim().min(1, "required").max(2000, "tooLongMax|2000"),
  }),
  (input) =>
    onStaffCase(input.trackingNumber, "note", async (actor) =>
      addInternalNote(await db(), { actor, trackingNumber: input.trackingNumber, note: input.note }),
    ),
);

const claim = formAction(z.object({ trackingNumber: ZNumber }), (input) =>
  onStaffCase(input.trackingNumber, "claim", async (actor) =>
    claimCase(await db(), { actor, trackingNumber: input.trackingNumber }),
  ),
);

const assign = formAction(
  z.object({ trackingNumber: ZNumber, assigneeId: z.string().min(1, "choose").max(40) }),
  (input) =>
    onStaffCase(input.trackingNumber, "assign", async (actor) =>
      assignCase(await db(), { actor, trackingNumber: input.trackingNumber, assigneeId: input.assigneeId }),
    ),
);

export async function assignOtherCase(state: TFormState, formData: FormData): Promise<TFormState> {
  return assign(state, formData);
}

export async function transitionCase(state: TFormState, formData: FormData): Promise<TFormState> {
  return transition(state, formData);
}

export async function noteCase(state: TFormState, formData: FormData): Promise<TFormState> {
  return note(state, formData);
}

export async function claimOwnCase(state: TFormState, formData: FormData): Promise<TFormState> {
  return claim(state, formData);
}
