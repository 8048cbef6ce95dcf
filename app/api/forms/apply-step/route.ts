import { z } from "zod";
import { formRoute } from "@/lib/actions/formRoute";
import { saveApplicationStep } from "@/lib/cases/saveApplicationStep";
import { applyingForStepId, saveApplyingFor } from "@/lib/cases/applyingFor";
import { serviceCodePattern } from "@/lib/services/serviceCode";
import { NotFoundError } from "@/lib/shared/errors";
import { answersAsFormValues } from "@/lib/services/answers";

const applyPath = (locale: string, code: string) => `/${locale}/services/${code}/apply`;

/**
 * One step of an application form (it may carry files): saves it into the draft, then moves on,
 * or goes back to the step with its errors.
 */
export const POST = formRoute({
  schema: z.object({
    serviceCode: z.string().regex(serviceCodePattern),
    stepId: z.string().max(40),
    intent: z.enum(["continue", "save"]).catch("continue"),
    // changing one answer from check your answers goes back there, not through every later step
    return: z.literal("check").optional().catch(undefined),
  }),
  actor: "citizen",
  // a service's form names its own upload fields
  files: { maxCount: 20 },
  back: (fields, locale) =>
    serviceCodePattern.test(fields.serviceCode ?? "")
      ? `${applyPath(locale, fields.serviceCode)}?step=${encodeURIComponent(fields.stepId ?? "")}${
          fields.return === "check" ? "&return=check" : ""
        }`
      : `/${locale}/services`,
  run: async ({ input, actor, formData, files, locale }) => {
    const base = applyPath(locale, input.serviceCode);
    let result: Awaited<ReturnType<typeof saveApplicationStep>>;
    try {
      const step = {
        actor,
        serviceCode: input.serviceCode,
        formData,
        files,
        validate: input.intent === "continue",
      };
      // the first step, "for myself / for someone else (代办)", is the draft's, not the form's
      result =
        input.stepId === applyingForStepId
          ? await saveApplyingFor(step)
          : await saveApplicationStep({ ...step, stepId: input.stepId });
    } catch (error) {
      // a step or service that has gone (an administrator changed the form): back to the start
      if (error instanceof NotFoundError) return base;
      throw error;
    }
    if (!result.ok)
      return { ok: false, fieldErrors: result.fieldErrors, values: answersAsFormValues(result.values) };
    if (input.intent === "save") return `/${locale}/account?saved=${input.serviceCode}`;
    return `${base}?step=${input.return === "check" ? "check" : result.next}`;
  },
});
