import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { hasRole } from "../auth/policy";
import { writeAudit } from "../audit/writeAudit";
import { inScopeOrDenied } from "../audit/refusals";
import { chinaDay, workingDaysBetween } from "../calendar/workdays";
import { FormError } from "../shared/errors";
import type { TDocumentInput } from "./publishDocument";
import { refreshSearchEntry } from "../search/index";
import { contentChanged } from "../cache/contentChanged";
import { indexNoPattern } from "./indexNumbers";

/** Information must be published within 20 working days of being made or changed (Art. 26). */
const publicationDutyWorkingDays = 20;

/** Published later than the 20 working days the duty allows (shown in the editor's list). */
export function isLatePublication(madeOn: Date | null, publishedAt: Date | null): boolean {
  if (!madeOn || !publishedAt) return false;
  return (
    workingDaysBetween(madeOn.toISOString().slice(0, 10), chinaDay(publishedAt)) > publicationDutyWorkingDays
  );
}

type TDocument = Awaited<ReturnType<typeof editable>>;

async function editable(prisma: PrismaClient, actor: TSessionUser, indexNo: string, action: string) {
  const found = await prisma.disclosureDocument.findUnique({
    where: { indexNo },
    include: { department: { select: { code: true } } },
  });
  return inScopeOrDenied(prisma, found, (d) => hasRole(actor, "EDITOR", d.department.code), {
    actorId: actor.id,
    action,
    entityType: "DisclosureDocument",
    entityId: indexNo,
  });
}

/**
 * One change to a document: the update guarded by the version the editor saw, the revision
 * kept and the audit entry commit together, and cached pages are dropped after.
 */
async function revise(
  prisma: PrismaClient,
  found: TDocument,
  change: {
    actor: TSessionUser;
    expectedVersion: number;
    action: string;
    data: Prisma.DisclosureDocumentUncheckedUpdateManyInput;
    snapshot: Prisma.InputJsonValue;
    detail: Prisma.InputJsonValue;
    /** the searchable text changed: its search entry is rewritten in the same transaction */
    reindex?: boolean;
  },
) {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.disclosureDocument.updateMany({
      where: { id: found.id, version: change.expectedVersion },
      data: { ...change.data, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new FormError("serviceChanged");
    await tx.documentRevision.create({
      data: {
        documentId: found.id,
        version: change.expectedVersion + 1,
        editorId: change.actor.id,
        snapshot: change.snapshot,
      },
    });
    await writeAudit(tx, {
      actorId: change.actor.id,
      action: change.action,
      entityType: "DisclosureDocument",
      entityId: found.indexNo,
      detail: change.detail,
    });
    if (change.reindex) await refreshSearchEntry(tx, { type: "document", id: found.id });
  });
  contentChanged();
}

/** Edits a document's content (the 索引号 and department never change); a revision is kept and audited. */
export async function updateDocument(
  input: {
    actor: TSessionUser;
    indexNo: string;
    expectedVersion: number;
    document: Omit<TDocumentInput, "department">;
  } & TDbOption,
) {
  const prisma = await clientOf(input);
  const found = await editable(prisma, input.actor, input.indexNo, "document.update");
  const d = input.document;
  await revise(prisma, found, {
    actor: input.actor,
    expectedVersion: input.expectedVersion,
    action: "document.update",
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
    },
    snapshot: { ...d, indexNo: found.indexNo },
    detail: { version: input.expectedVersion + 1 },
    reindex: true,
  });
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
  input: {
    actor: TSessionUser;
    indexNo: string;
    expectedVersion: number;
    validity: "VALID" | "EXPIRED" | "REPEALED";
    validityFrom?: string;
  } & TDbOption,
) {
  const prisma = await clientOf(input);
  const found = await editable(prisma, input.actor, input.indexNo, "document.validity");
  if (input.validity !== "VALID" && !input.validityFrom) throw new FormError("required", "validityFrom");
  await revise(prisma, found, {
    actor: input.actor,
    expectedVersion: input.expectedVersion,
    action: "document.validity",
    data: {
      validity: input.validity,
      validityFrom: input.validity === "VALID" ? null : new Date(`${input.validityFrom}T00:00:00Z`),
    },
    snapshot: { validity: input.validity, validityFrom: input.validityFrom ?? null },
    detail: { validity: input.validity },
  });
}

/** The 原文 a 解读 interprets, by its 索引号; empty removes the link. */
export const ZInterpretation = z.object({
  interprets: z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => value === "" || indexNoPattern.test(value), "indexNoFormat"),
});

/**
 * Links a document as the 政策解读 of another (its 原文), or unlinks it (`interprets` empty), by an
 * editor of the interpretation's department; a revision is kept and the change audited. The link
 * is one level deep: an original is not itself an interpretation, and a document that already has
 * interpretations of its own cannot become one. The original may be any department's (a policy is
 * often interpreted by the department that drafted it); only published documents are shown.
 */
export async function setInterpretation(
  input: {
    actor: TSessionUser;
    indexNo: string;
    expectedVersion: number;
    interprets: string;
  } & TDbOption,
) {
  const prisma = await clientOf(input);
  const found = await editable(prisma, input.actor, input.indexNo, "document.interpretation");
  let original: { id: string; indexNo: string } | null = null;
  if (input.interprets) {
    const target = await prisma.disclosureDocument.findUnique({
      where: { indexNo: input.interprets },
      select: { id: true, indexNo: true, interpretsId: true },
    });
    if (!target) throw new FormError("interpretsNotFound", "interprets");
    if (target.id === found.id) throw new FormError("interpretsSelf", "interprets");
    if (target.interpretsId) throw new FormError("interpretsInterpretation", "interprets");
    const own = await prisma.disclosureDocument.count({ where: { interpretsId: found.id } });
    if (own > 0) throw new FormError("interpretsHasOwn", "interprets");
    original = target;
  }
  await revise(prisma, found, {
    actor: input.actor,
    expectedVersion: input.expectedVersion,
    action: "document.interpretation",
    data: { interpretsId: original?.id ?? null },
    snapshot: { interprets: original?.indexNo ?? null },
    detail: { interprets: original?.indexNo ?? null },
  });
}
