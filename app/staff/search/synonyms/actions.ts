"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireStaff } from "@/lib/auth/session";
import { editSynonyms } from "@/lib/search/editSynonyms";
import { ZSynonymDelete, ZSynonymEdit, ZSynonymInput } from "@/lib/search/schema";

const page = "/staff/search/synonyms";

const create = formAction(ZSynonymInput, async ({ terms }) => {
  await editSynonyms(await db(), { actor: await requireStaff(), change: { kind: "create", terms } });
  redirect(`${page}?done=saved`);
});
const update = formAction(ZSynonymEdit, async ({ id, expectedVersion, terms }) => {
  await editSynonyms(await db(), {
    actor: await requireStaff(),
    change: { kind: "update", id, expectedVersion, terms },
  });
  redirect(`${page}?done=saved`);
});
const remove = formAction(ZSynonymDelete, async ({ id, expectedVersion }) => {
  await editSynonyms(await db(), {
    actor: await requireStaff(),
    change: { kind: "delete", id, expectedVersion },
  });
  redirect(`${page}?done=deleted`);
});

export async function createSynonymGroup(state: TFormState, formData: FormData): Promise<TFormState> {
  return create(state, formData);
}
export async function updateSynonymGroup(state: TFormState, formData: FormData): Promise<TFormState> {
  return update(state, formData);
}
export async function deleteSynonymGroup(state: TFormState, formData: FormData): Promise<TFormState> {
  return remove(state, formData);
}
