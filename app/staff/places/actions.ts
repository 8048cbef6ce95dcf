"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireStaff } from "@/lib/auth/session";
import { savePlace, ZPlace } from "@/lib/places/managePlaces";

const save = formAction(ZPlace, async (place) => {
  const actor = await requireStaff();
  const outcome = await savePlace(await db(), { actor, place });
  redirect(`/staff/places?${outcome}=${place.code}`);
});

export async function savePlaceAction(state: TFormState, formData: FormData): Promise<TFormState> {
  return save(state, formData);
}
