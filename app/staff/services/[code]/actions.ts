"use server";

import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireStaff } from "@/lib/auth/session";
import { updateService, ZServiceEdit } from "@/lib/services/updateService";
import { NotFoundError } from "@/lib/shared/errors";

const save = formAction(ZServiceEdit, async (edit) => {
  const actor = await requireStaff();
  try {
    await updateService(await db(), { actor, edit });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  redirect(`/staff/services/${edit.code}?saved=1`);
});

export async function saveService(state: TFormState, formData: FormData): Promise<TFormState> {
  return save(state, formData);
}
