import { z } from "zod";
import { formRoute } from "@/lib/actions/formRoute";
import { postRequestStep } from "@/lib/disclosure/postRequestStep";
import { keptValues } from "@/lib/actions/formAction";
import { receiptChannels } from "@/lib/disclosure/applyRequestStep";
import { requestNumberPattern } from "@/lib/disclosure/schema";
import { requestStepNames } from "@/lib/disclosure/requestWorkflow";
import { entityPageOf, postedStepFields } from "@/lib/workflow/postedStep";

/** An officer's (or, for an extension, a supervisor's) step on a request; a reply brings its files. */
export const POST = formRoute({
  schema: z.object({
    ...postedStepFields(requestNumberPattern, requestStepNames),
    reason: z.string().trim().max(2000, "tooLongMax|2000").optional(),
    missing: z.string().max(4000, "tooLongMax|4000").optional(),
    channel: z.enum(receiptChannels, { message: "choose" }).optional(),
    receivedOn: z.string().trim().max(10, "dateFormat").optional(),
    amount: z
      .string()
      .trim()
      .regex(/^(\d{1,6}(\.\d{1,2})?)?$/, "numberFormat")
      .optional(),
    days: z
      .string()
      .regex(/^\d{0,2}$/, "numberFormat")
      .optional(),
    outcome: z.string().max(60).optional(),
    legalBasis: z.string().trim().max(1000, "tooLongMax|1000").optional(),
    replyText: z.string().trim().max(10000, "tooLongMax|10000").optional(),
  }),
  actor: "staff",
  files: { fields: ["replyFiles"], maxCount: 10 },
  back: entityPageOf(requestNumberPattern, "/staff/requests", "/staff/requests"),
  run: async ({ input, actor, files, formData }) => {
    // the reply outcome is sent as "CATEGORY" or "CATEGORY:SUB"
    const [outcome, outcomeSub] = (input.outcome ?? "").split(":");
    return postRequestStep({
      ...input,
      actor,
      missing: input.missing?.split(/\r?\n/),
      days: input.days ? Number(input.days) : undefined,
      amount: input.amount ? Number(input.amount) : undefined,
      receivedOn: input.receivedOn || undefined,
      outcome: outcome || undefined,
      outcomeSub: outcomeSub || null,
      replyFiles: files,
      values: keptValues(formData),
    });
  },
});
