"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireStaff } from "@/lib/auth/session";
import { updateService, ZServiceEdit } from "@/lib/services/updateService";

const save = formAction(ZServiceEdit, async (edit) => {
  const actor = await requireStaff();
  await updateService(await db(), { actor, edit });
  redirect(`/staff/services/${edit.code}?saved=1`);
});

export async function saveService(state: TFormState, formData: FormData): Promise<TFormState> {
  return save(state, formData);
}
