"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/actions/formAction";
import type { TFormState } from "@/lib/actions/formState";
import { requireStaff } from "@/lib/auth/session";
import { publishDocument, ZDocumentInput } from "@/lib/disclosure/publishDocument";
import { changeValidity, updateDocument, ZValidity } from "@/lib/disclosure/editDocument";

const ZIndex = z.object({
  indexNo: z.string().regex(/^[A-Z]{2,10}\/\d{4}-\d{5}$/),
  expectedVersion: z.coerce.number().int().positive(),
});

const publish = formAction(ZDocumentInput, async (document) => {
  const actor = await requireStaff();
  const { indexNo } = await publishDocument(await db(), { actor, document });
  redirect(`/staff/documents/${indexNo}?done=1`);
});

const update = formAction(
  ZDocumentInput.omit({ department: true }).extend(ZIndex.shape),
  async ({ indexNo, expectedVersion, ...document }) => {
    const actor = await requireStaff();
    await updateDocument(await db(), { actor, indexNo, expectedVersion, document });
    redirect(`/staff/documents/${indexNo}?done=1`);
  },
);

const validity = formAction(
  ZValidity.extend(ZIndex.shape),
  async ({ indexNo, expectedVersion, validity: value, validityFrom }) => {
    const actor = await requireStaff();
    await changeValidity(await db(), { actor, indexNo, expectedVersion, validity: value, validityFrom });
    redirect(`/staff/documents/${indexNo}?done=1`);
  },
);

export async function publishDocumentAction(state: TFormState, formData: FormData): Promise<TFormState> {
  return publish(state, formData);
}
export async function updateDocumentAction(state: TFormState, formData: FormData): Promise<TFormState> {
  return update(state, formData);
}
export async function changeValidityAction(state: TFormState, formData: FormData): Promise<TFormState> {
  return validity(state, formData);
}
