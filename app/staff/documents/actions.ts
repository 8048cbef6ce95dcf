"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, staffChangeAction } from "@/lib/actions/formAction";
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

/** Back to the document's page, saying the change was made. */
const documentDone = ({ indexNo }: { indexNo: string }) => `/staff/documents/${indexNo}?done=1`;

/** Publishes a new document; its 索引号 is made on publication. */
export const publishDocumentAction = formAction({
  schema: ZDocumentInput,
  actor: "staff",
  run: async ({ input: document, actor }) => {
    const { indexNo } = await publishDocument({ actor, document });
    redirect(documentDone({ indexNo }));
  },
});

export const updateDocumentAction = formAction({
  schema: ZDocumentInput.omit({ department: true }).extend(ZIndex.shape),
  actor: "staff",
  run: async ({ input: { indexNo, expectedVersion, ...document }, actor }) => {
    await updateDocument({ actor, indexNo, expectedVersion, document });
    redirect(documentDone({ indexNo }));
  },
});

export const changeValidityAction = staffChangeAction(
  ZValidity.extend(ZIndex.shape),
  changeValidity,
  documentDone,
);

/** Links this document as the 政策解读 of another (by its 索引号), or unlinks it when empty. */
export const setInterpretationAction = staffChangeAction(
  ZInterpretation.extend(ZIndex.shape),
  setInterpretation,
  documentDone,
);
