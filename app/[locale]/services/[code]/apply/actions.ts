"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { saveApplicationStep } from "@/lib/cases/saveApplicationStep";
import { AnswersInvalid, submitApplication } from "@/lib/cases/submitApplication";
import { deleteDraft, getDraft } from "@/lib/cases/drafts";
import { serviceForm } from "@/lib/cases/saveApplicationStep";
import { NotFoundError } from "@/lib/shared/errors";
import type { TStepState } from "@/components/form/StepForm";
import { isLocale } from "@/lib/i18n/settings";

const ZRoute = z.object({
  locale: z.string().refine(isLocale),
  code: z.string().regex(/^[A-Z]{2}-[A-Z]{2,8}-\d{3}$/),
});
const ZIntent = z.enum(["continue", "save"]).catch("continue");
const ZSubmit = z.object({ idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/) });

async function citizenOrSignIn(locale: string, code: string) {
  const actor = await getSessionUser();
  if (!isCitizen(actor))
    redirect(`/${locale}/sign-in?returnTo=${encodeURIComponent(`/${locale}/services/${code}/apply`)}`);
  return actor;
}

/** One step of the form: saves it into the draft, then moves on, or comes back with errors. */
export async function saveStep(
  locale: string,
  code: string,
  stepId: string,
  _state: TStepState,
  formData: FormData,
): Promise<TStepState> {
  const parsedRoute = ZRoute.safeParse({ locale, code });
  if (!parsedRoute.success) notFound();
  const route = parsedRoute.data;
  const actor = await citizenOrSignIn(route.locale, route.code);
  const intent = ZIntent.parse(formData.get("intent"));
  let result: Awaited<ReturnType<typeof saveApplicationStep>>;
  try {
    result = await saveApplicationStep(await db(), {
      actor,
      serviceCode: route.code,
      stepId,
      formData,
      validate: intent === "continue",
    });
  } catch (error) {
    // a step or service that has gone (an administrator changed the form): back to the start
    if (error instanceof NotFoundError) redirect(`/${route.locale}/services/${route.code}/apply`);
    throw error;
  }
  if (!result.ok) return { fieldErrors: result.fieldErrors, values: result.values };
  if (intent === "save") redirect(`/${route.locale}/account?saved=${route.code}`);
  redirect(`/${route.locale}/services/${route.code}/apply?step=${result.next}`);
}

/** Check-your-answers → one case per idempotency key, then the confirmation page. */
export async function submitCase(locale: string, code: string, formData: FormData): Promise<void> {
  const parsedRoute = ZRoute.safeParse({ locale, code });
  if (!parsedRoute.success) notFound();
  const route = parsedRoute.data;
  const actor = await citizenOrSignIn(route.locale, route.code);
  const parsed = ZSubmit.safeParse({ idempotencyKey: formData.get("idempotencyKey") });
  const base = `/${route.locale}/services/${route.code}/apply`;
  if (!parsed.success) redirect(`${base}?step=check`);
  const prisma = await db();
  let trackingNumber: string;
  try {
    const service = await serviceForm(prisma, route.code);
    const draft = await getDraft(prisma, actor, service.id);
    const result = await submitApplication(prisma, {
      actor,
      serviceCode: route.code,
      answers: draft.answers,
      idempotencyKey: parsed.data.idempotencyKey,
    });
    await deleteDraft(prisma, actor, service.id);
    trackingNumber = result.trackingNumber;
  } catch (error) {
    if (error instanceof AnswersInvalid) {
      const service = await serviceForm(prisma, route.code);
      const step =
        service.form.steps.find((s) => s.fields.some((f) => error.fieldErrors[f.name])) ??
        service.form.steps[0];
      redirect(`${base}?step=${step.id}&errors=1`);
    }
    if (error instanceof NotFoundError) redirect(`/${route.locale}/services`);
    throw error;
  }
  redirect(`${base}/confirmation?number=${trackingNumber}`);
}
