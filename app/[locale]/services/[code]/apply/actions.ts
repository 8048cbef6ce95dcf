"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { postAction } from "@/lib/actions/formAction";
import { AnswersInvalid, submitDraftedApplication } from "@/lib/cases/submitApplication";
import { NotFoundError } from "@/lib/shared/errors";
import { serviceCodePattern } from "@/lib/services/serviceCode";

const ZServiceCode = z.string().regex(serviceCodePattern);
const ZApplyForm = z.object({ serviceCode: ZServiceCode });
const applyPath = (locale: string, code: string) => `/${locale}/services/${code}/apply`;
// a citizen whose session has ended signs in and comes back to the form
const returnTo = (formData: FormData, locale: string) => {
  const code = ZServiceCode.safeParse(formData.get("serviceCode"));
  return code.success ? applyPath(locale, code.data) : `/${locale}/services`;
};

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
