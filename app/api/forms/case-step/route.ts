import { z } from "zod";
import { formRoute } from "@/lib/actions/formRoute";
import { postCaseStep } from "@/lib/cases/postCaseStep";
import { keptValues } from "@/lib/actions/formAction";
import { caseStepNames } from "@/lib/cases/caseWorkflow";
import { entityPageOf, postedStepFields } from "@/lib/workflow/postedStep";
import { trackingNumberPattern } from "@/lib/cases/schema";

/** A caseworker's step on a case; 办结 brings its result file; 不予受理 and 不予 are confirmed first. */
export const POST = formRoute({
  schema: z.object({
    ...postedStepFields(trackingNumberPattern, caseStepNames),
    reason: z.string().trim().max(1000, "tooLongMax|1000").optional(),
    missing: z.string().max(4000, "tooLongMax|4000").optional(),
  }),
  actor: "staff",
  files: { fields: ["resultFile"], maxCount: 1 },
  back: entityPageOf(trackingNumberPattern, "/staff/cases", "/staff"),
  run: ({ input, actor, files, formData }) =>
    postCaseStep({
      ...input,
      actor,
      // one missing item per line: the full list, given once
      missing: input.missing?.split(/\r?\n/),
      resultFile: files[0] ?? null,
      values: keptValues(formData),
    }),
});
