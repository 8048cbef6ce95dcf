"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { FormError } from "@/lib/shared/errors";
import { parseChinaDateTime } from "@/lib/shared/chinaTime";
import { parseScopeValues } from "@/lib/notices/scope";
import {
  createNotice,
  updateNotice,
  ZNoticeInput,
  type TNewFile,
  type TNoticeInput,
} from "@/lib/notices/writeNotice";
import { applyNoticeStep } from "@/lib/notices/applyNoticeStep";

const ZDateTime = z
  .string()
  .trim()
  .refine((value) => parseChinaDateTime(value) !== null, "dateTimeInvalid");

/** The editor's form as posted (strings); the scope boxes and the files are read from FormData. */
const ZNoticeForm = ZNoticeInput.pick({
  title: true,
  titleEn: true,
  body: true,
  category: true,
  source: true,
}).extend({
  publishAt: ZDateTime,
  expiresAt: z.union([z.literal(""), ZDateTime]).default(""),
  pinned: z.literal("on").optional(),
});

function noticeInput(form: z.infer<typeof ZNoticeForm>, formData: FormData): TNoticeInput {
  const scope = parseScopeValues(formData.getAll("scope").filter((v): v is string => typeof v === "string"));
  if (!scope) throw new FormError("choose", "scope");
  return {
    title: form.title,
    titleEn: form.titleEn,
    body: form.body,
    category: form.category,
    source: form.source,
    scope,
    publishAt: parseChinaDateTime(form.publishAt)!,
    expiresAt: form.expiresAt ? parseChinaDateTime(form.expiresAt) : null,
    pinned: form.pinned === "on",
  };
}

async function newFiles(formData: FormData): Promise<TNewFile[]> {
  const files = formData.getAll("attachments").filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length > 10) throw new FormError("tooManyChoices|10", "attachments");
  return Promise.all(
    files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}

export const createNoticeAction = formAction({
  schema: ZNoticeForm,
  actor: "staff",
  run: async ({ input, actor, formData }) => {
    const notice = await createNotice({
      actor,
      notice: noticeInput(input, formData),
      files: await newFiles(formData),
    });
    redirect(`/staff/notices/${notice.id}?saved=1`);
  },
});

const ZEdit = ZNoticeForm.extend({
  id: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().positive(),
});
export const editNoticeAction = formAction({
  schema: ZEdit,
  actor: "staff",
  run: async ({ input, actor, formData }) => {
    await updateNotice({
      actor,
      noticeId: input.id,
      expectedVersion: input.expectedVersion,
      notice: noticeInput(input, formData),
      files: await newFiles(formData),
      removeAttachments: formData
        .getAll("removeAttachments")
        .filter((v): v is string => typeof v === "string"),
    });
    redirect(`/staff/notices/${input.id}?saved=1`);
  },
});

const ZStep = z.object({
  id: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().positive(),
  step: z.enum(["submit", "approve", "sendBack", "publishEmergency", "archive"]),
  comment: z.string().trim().max(1000, "tooLongMax|1000").optional(),
});
export const noticeStepAction = formAction({
  schema: ZStep,
  actor: "staff",
  run: async ({ input, actor }) => {
    await applyNoticeStep({
      actor,
      noticeId: input.id,
      step: input.step,
      expectedVersion: input.expectedVersion,
      comment: input.comment,
    });
    redirect(`/staff/notices/${input.id}?done=${input.step}`);
  },
});
