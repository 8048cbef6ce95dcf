import "server-only";
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { hasRole } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { chinaDay, workingDaysBetween } from "../calendar/workdays";
import { FormError, NotFoundError } from "../shared/errors";
import type { TDocumentInput } from "./publishDocument";
import { refreshSearchEntry } from "../search/index";
import { contentChanged } from "../cache/contentChanged";

/** Information must be published within 20 working days of being made or changed (Art. 26). */
export const publicationDutyWorkingDays = 20;

export function isLatePublication(madeOn: Date | null, publishedAt: Date | null): boolean {
  if (!madeOn || !publishedAt) return false;
  return (
    workingDaysBetween(madeOn.toISOString().slice(0, 10), chinaDay(publishedAt)) > publicationDutyWorkingDays
  );
}

async function editable(prisma: PrismaClient, actor: TSessionUser, indexNo: string, action: string) {
  const found = await prisma.disclosureDocument.findUnique({
    where: { indexNo },
    include: { department: { select: { code: true } } },
  });
  if (!found || !hasRole(actor, "EDITOR", found.department.code)) {
    await writeAudit(prisma, {
      actorId: actor.id,
      action,
      entityType: "DisclosureDocument",
      entityId: indexNo,
      outcome: "DENIED",
    });
    throw new NotFoundError("document");
  }
  return found;
}

/** Edits a document's content (the 索引号 and department never change); a revision is kept and audited. */
export async function updateDocument(
  prisma: PrismaClient,
  input: {
    actor: TSessionUser;
    indexNo: string;
    expectedVersion: number;
    document: Omit<TDocumentInput, "department">;
  },
) {
  const found = await editable(prisma, input.actor, input.indexNo, "document.update");
  const d = input.document;
  await prisma.$transaction(async (tx) => {
    const updated = await tx.disclosureDocument.updateMany({
      where: { id: found.id, version: input.expectedVersion },
      data: {
        title: d.title,
        titleEn: d.titleEn || null,
        category: d.category,
        docType: d.docType,
        docNumber: d.docNumber ?? null,
        keywords: d.keywords,
        writtenOn: new Date(`${d.writtenOn}T00:00:00Z`),
        madeOn: new Date(`${d.madeOn}T00:00:00Z`),
        source: d.source,
        summary: d.summary,
        body: d.body,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new FormError("serviceChanged");
    await tx.documentRevision.create({
      data: {
        documentId: found.id,
        version: input.expectedVersion + 1,
        editorId: input.actor.id,
        snapshot: { ...d, indexNo: found.indexNo },
      },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "document.update",
      entityType: "DisclosureDocument",
      entityId: found.indexNo,
      detail: { version: input.expectedVersion + 1 },
    });
    await refreshSearchEntry(tx, { type: "document", id: found.id });
  });
  contentChanged();
}

export const ZValidity = z.object({
  validity: z.enum(["VALID", "EXPIRED", "REPEALED"], { message: "choose" }),
  validityFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** Marks a document 失效 or 废止 from a date (or in force again); the page says so at the top. */
export async function changeValidity(
  prisma: PrismaClient,
  input: {
    actor: TSessionUser;
    indexNo: string;
    expectedVersion: number;
    validity: "VALID" | "EXPIRED" | "REPEALED";
    validityFrom?: string;
  },
) {
  const found = await editable(prisma, input.actor, input.indexNo, "document.validity");
  if (input.validity !== "VALID" && !input.validityFrom) throw new FormError("required", "validityFrom");
  await prisma.$transaction(async (tx) => {
    const updated = await tx.disclosureDocument.updateMany({
      where: { id: found.id, version: input.expectedVersion },
      data: {
        validity: input.validity,
        validityFrom: input.validity === "VALID" ? null : new Date(`${input.validityFrom}T00:00:00Z`),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new FormError("serviceChanged");
    await tx.documentRevision.create({
      data: {
        documentId: found.id,
        version: input.expectedVersion + 1,
        editorId: input.actor.id,
        snapshot: { validity: input.validity, validityFrom: input.validityFrom ?? null },
      },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "document.validity",
      entityType: "DisclosureDocument",
      entityId: found.indexNo,
      detail: { validity: input.validity },
    });
  });
  contentChanged();
}
