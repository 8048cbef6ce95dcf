"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireCitizen } from "@/lib/auth/session";
import { applyCaseStep } from "@/lib/cases/applyCaseStep";
import { supplyMaterials } from "@/lib/cases/supplyMaterials";
import { rateCase, ZRating } from "@/lib/cases/rateCase";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";
import { serviceCaseNumberPattern } from "@/lib/cases/schema";

const ZLocale = z.string().transform((value) => (isLocale(value) ? value : defaultLocale));
const ZCaseForm = z.object({
  locale: ZLocale,
  trackingNumber: z.string().regex(serviceCaseNumberPattern),
  expectedVersion: z.coerce.number().int().positive(),
});

/** Runs a citizen's case action; someone else's case is a 404, then back to the case page. */
async function onOwnCase(
  locale: string,
  trackingNumber: string,
  done: string,
  run: (actor: Awaited<ReturnType<typeof requireCitizen>>) => Promise<unknown>,
) {
  const actor = await requireCitizen(locale, `/${locale}/account/cases/${trackingNumber}`);
  await run(actor);
  redirect(`/${locale}/account/cases/${trackingNumber}?done=${done}`);
}

const withdraw = formAction(
  ZCaseForm.extend({ reason: z.string().trim().max(500, "tooLongMax|500").optional() }),
  (input) =>
    onOwnCase(input.locale, input.trackingNumber, "withdrawn", async (actor) =>
      applyCaseStep({
        actor,
        trackingNumber: input.trackingNumber,
        step: "withdraw",
        expectedVersion: input.expectedVersion,
        reason: input.reason,
      }),
    ),
);

const supply = formAction(
  ZCaseForm.extend({ note: z.string().trim().max(500, "tooLongMax|500").optional() }),
  (input, formData) =>
    onOwnCase(input.locale, input.trackingNumber, "supplied", async (actor) =>
      supplyMaterials(await db(), {
        actor,
        trackingNumber: input.trackingNumber,
        expectedVersion: input.expectedVersion,
        files: formData.getAll("files").filter((f): f is File => f instanceof File),
        note: input.note,
      }),
    ),
);

const rate = formAction(ZRating.extend({ locale: ZLocale }), (input) =>
  onOwnCase(input.locale, input.trackingNumber, "rated", async (actor) =>
    rateCase(await db(), {
      actor,
      trackingNumber: input.trackingNumber,
      level: input.level,
      comment: input.comment,
    }),
  ),
);

export async function withdrawCase(state: TFormState, formData: FormData): Promise<TFormState> {
  return withdraw(state, formData);
}

export async function supplyCase(state: TFormState, formData: FormData): Promise<TFormState> {
  return supply(state, formData);
}

export async function rateOwnCase(state: TFormState, formData: FormData): Promise<TFormState> {
  return rate(state, formData);
}
