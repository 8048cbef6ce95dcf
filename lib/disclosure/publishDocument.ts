import "server-only";
import { z } from "zod";
import { lineField, textField } from "../shared/plainText";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { hasRole } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { chinaDay } from "../calendar/workdays";
import { FormError } from "../shared/errors";
import { disclosureCategories } from "./categories";
import { docTypes } from "./doc-types";
import { departmentCodePattern, docNumberPattern, indexUnitOf, nextIndexNo } from "./indexNumbers";
import { refreshSearchEntry } from "../search/index";
import { contentChanged } from "../cache/contentChanged";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "dateFormat");

/** A proactive-disclosure document as an editor submits it (the 索引号 is made, never typed). */
export const ZDocumentInput = z.object({
  department: z.string().regex(departmentCodePattern, "choose"),
  title: lineField().min(1, "required").max(200, "tooLongMax|200"),
  titleEn: lineField().max(300, "tooLongMax|300").optional(),
  category: z.enum(disclosureCategories, { message: "choose" }),
  docType: z.enum(docTypes, { message: "choose" }),
  docNumber: z
    .string()
    .trim()
    .regex(docNumberPattern, "docNumberFormat")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  keywords: lineField().min(1, "required").max(200, "tooLongMax|200"),
  writtenOn: day,
  /** when the information was made or changed: the 20-working-day publication duty runs from it */
  madeOn: day,
  source: lineField().min(1, "required").max(200, "tooLongMax|200"),
  summary: textField().min(1, "required").max(1000, "tooLongMax|1000"),
  body: textField().min(1, "required").max(200_000, "tooLongMax|200000"),
});
export type TDocumentInput = z.infer<typeof ZDocumentInput>;

/**
 * Publishes a document for a department the editor is scoped to: the 索引号 is taken from the
 * unit's serial for the publication year (unique under concurrency, never changed after), the
 * first revision is kept, and the step is audited. Outside their scope an editor is refused and
 * the refusal audited.
 */
export async function publishDocument(
  input: { actor: TSessionUser; document: TDocumentInput; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  const { actor, document } = input;
  const department = await prisma.department.findUnique({ where: { code: document.department } });
  if (!department || !hasRole(actor, "EDITOR", document.department)) {
    await writeAudit(prisma, {
      actorId: actor.id,
      action: "document.publish",
      entityType: "DisclosureDocument",
      entityId: document.department,
      outcome: "DENIED",
    });
    throw new FormError("departmentOutOfScope", "department");
  }
  const now = input.now ?? new Date();
  const year = Number(chinaDay(now).slice(0, 4));
  const published = await prisma.$transaction(
    async (tx) => {
      const indexNo = await nextIndexNo(tx, indexUnitOf(department), year);
      const { writtenOn, madeOn, ...rest } = document;
      const fields = {
        title: rest.title,
        titleEn: rest.titleEn,
        category: rest.category,
        docType: rest.docType,
        docNumber: rest.docNumber,
        keywords: rest.keywords,
        source: rest.source,
        summary: rest.summary,
        body: rest.body,
      };
      const created = await tx.disclosureDocument.create({
        data: {
          ...fields,
          titleEn: fields.titleEn || null,
          docNumber: fields.docNumber ?? null,
          indexNo,
          departmentId: department.id,
          writtenOn: new Date(`${writtenOn}T00:00:00Z`),
          madeOn: new Date(`${madeOn}T00:00:00Z`),
          publishedAt: now,
          publishedYear: year,
          status: "PUBLISHED",
        },
      });
      await tx.documentRevision.create({
        data: { documentId: created.id, version: 1, editorId: actor.id, snapshot: { ...document, indexNo } },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "document.publish",
        entityType: "DisclosureDocument",
        entityId: indexNo,
      });
      await refreshSearchEntry(tx, { type: "document", id: created.id });
      return { indexNo };
    },
    // publications of one unit take its 索引号 serial one after another: a burst queues on the
    // pool and the serial's row lock, and waits rather than fails (as submissions do)
    { maxWait: 15_000, timeout: 30_000 },
  );
  contentChanged();
  return published;
}
