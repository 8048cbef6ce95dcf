"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { publishDocument, ZDocumentInput } from "@/lib/disclosure/publishDocument";
import {
  changeValidity,
  setInterpretation,
  updateDocument,
  ZInterpretation,
  ZValidity,
} from "@/lib/disclosure/editDocument";
import { indexNoPattern } from "@/lib/disclosure/indexNumbers";

const ZIndex = z.object({
  indexNo: z.string().regex(indexNoPattern),
  expectedVersion: z.coerce.number().int().positive(),
});

/** Publishes a new document; its 索引号 is made on publication. */
export const publishDocumentAction = formAction({
  schema: ZDocumentInput,
  actor: "staff",
  run: async ({ input: document, actor }) => {
    const { indexNo } = await publishDocument({ actor, document });
    redirect(`/staff/documents/${indexNo}?done=1`);
  },
});

export const updateDocumentAction = formAction({
  schema: ZDocumentInput.omit({ department: true }).extend(ZIndex.shape),
  actor: "staff",
  run: async ({ input: { indexNo, expectedVersion, ...document }, actor }) => {
    await updateDocument({ actor, indexNo, expectedVersion, document });
    redirect(`/staff/documents/${indexNo}?done=1`);
  },
});

export const changeValidityAction = formAction({
  schema: ZValidity.extend(ZIndex.shape),
  actor: "staff",
  run: async ({ input, actor }) => {
    await changeValidity({ actor, ...input });
    redirect(`/staff/documents/${input.indexNo}?done=1`);
  },
});

/** Links this document as the 政策解读 of another (by its 索引号), or unlinks it when empty. */
export const setInterpretationAction = formAction({
  schema: ZInterpretation.extend(ZIndex.shape),
  actor: "staff",
  run: async ({ input, actor }) => {
    await setInterpretation({ actor, ...input });
    redirect(`/staff/documents/${input.indexNo}?done=1`);
  },
});
