"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, postAction } from "@/lib/actions/formAction";
import { saveApplicationStep } from "@/lib/cases/saveApplicationStep";
import { AnswersInvalid, submitDraftedApplication } from "@/lib/cases/submitApplication";
import { NotFoundError } from "@/lib/shared/errors";
import { answersAsFormValues } from "@/lib/services/answers";

const ZServiceCode = z.string().regex(/^[A-Z]{2}-[A-Z]{2,8}-\d{3}$/);
const ZApplyForm = z.object({ serviceCode: ZServiceCode });
const applyPath = (locale: string, code: string) => `/${locale}/services/${code}/apply`;
// a citizen whose session has ended signs in and comes back to the form
const returnTo = (formData: FormData, locale: string) => {
  const code = ZServiceCode.safeParse(formData.get("serviceCode"));
  return code.success ? applyPath(locale, code.data) : `/${locale}/services`;
};

/** One step of the form: saves it into the draft, then moves on, or comes back with errors. */
export const saveStep = formAction({
  schema: ZApplyForm.extend({
    stepId: z.string().max(40),
    intent: z.enum(["continue", "save"]).catch("continue"),
  }),
  actor: "citizen",
  returnTo,
  run: async ({ input, actor, formData, locale }) => {
    const base = applyPath(locale, input.serviceCode);
    let result: Awaited<ReturnType<typeof saveApplicationStep>>;
    try {
      result = await saveApplicationStep({
        actor,
        serviceCode: input.serviceCode,
        stepId: input.stepId,
        formData,
        validate: input.intent === "continue",
      });
    } catch (error) {
      // a step or service that has gone (an administrator changed the form): back to the start
      if (error instanceof NotFoundError) redirect(base);
      throw error;
    }
    if (!result.ok)
      return { ok: false, fieldErrors: result.fieldErrors, values: answersAsFormValues(result.values) };
    if (input.intent === "save") redirect(`/${locale}/account?saved=${input.serviceCode}`);
    redirect(`${base}?step=${result.next}`);
  },
});

/** Check-your-answers → one case per idempotency key, then the confirmation page. */
export const submitCase = postAction({
  schema: ZApplyForm.extend({ idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/) }),
  actor: "citizen",
  returnTo,
  invalid: (formData, locale) => {
    const back = returnTo(formData, locale);
    return back.endsWith("/apply") ? `${back}?step=check` : back;
  },
  run: async ({ input, actor, locale }) => {
    const base = applyPath(locale, input.serviceCode);
    let trackingNumber: string;
    try {
      ({ trackingNumber } = await submitDraftedApplication({
        actor,
        serviceCode: input.serviceCode,
        idempotencyKey: input.idempotencyKey,
      }));
    } catch (error) {
      if (error instanceof AnswersInvalid) redirect(`${base}?step=${error.stepId}&errors=1`);
      if (error instanceof NotFoundError) redirect(`/${locale}/services`);
      throw error;
    }
    redirect(`${base}/confirmation?number=${trackingNumber}`);
  },
});
