import "server-only";
import { z } from "zod";
import { lineField, textField } from "../shared/plainText";
import type { Prisma } from "../db/generated/client";
import { DayCount, ServiceType } from "../db/generated/enums";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit } from "../audit/writeAudit";
import { deniedAsNotFound } from "../audit/refusals";
import { isAdministrator } from "../auth/policy";
import { FormError } from "../shared/errors";
import { ZFormDefinition } from "./form-definition";
import { ZLegalBasis, ZMaterial } from "./guide";
import { allThemes } from "./themes";
import { refreshSearchEntry } from "../search/index";
import { contentChanged } from "../cache/contentChanged";
import { wholeNumberField } from "../shared/numberField";

/** The kinds of 政务服务事项 (行政许可, 行政确认 …), in the schema's order, as the editor offers them. */
export const serviceTypes = Object.values(ServiceType);
export const serviceAudiences = ["PERSON", "LEGAL_PERSON"] as const;
/** how the statutory period counts: 工作日 or 日 (calendar days, as the law says) */
export const dayCounts = Object.values(DayCount);
const phone = z
  .string()
  .trim()
  .regex(/^\d{3,4}-\d{7,8}$/, "phoneFormat");
const days = wholeNumberField(0, 365);
const text = (max: number) => textField().min(1, "required").max(max, `tooLongMax|${max}`);
const line = (max: number) => lineField().min(1, "required").max(max, `tooLongMax|${max}`);

/** A JSON textarea checked against a schema; bad JSON and schema errors are field errors. */
function jsonField<T extends z.ZodType>(schema: T) {
  return z.string().transform((value, ctx) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "jsonInvalid" });
      return z.NEVER;
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      ctx.addIssue({ code: "custom", message: "jsonSchema" });
      return z.NEVER;
    }
    return result.data as z.infer<T>;
  });
}

/** The administrator's service editor: the whole 办事指南 and the form definition. */
export const ZServiceEdit = z
  .object({
    code: z.string(),
    expectedVersion: z.coerce.number().int().positive(),
    name: line(100),
    nameEn: line(200),
    summary: text(1000),
    summaryEn: textField().max(2000, "tooLongMax|2000").optional(),
    type: z.enum(ServiceType, { message: "choose" }),
    audience: z.enum(serviceAudiences, { message: "choose" }),
    themes: z.string().transform((value, ctx) => {
      const themes = value.split(/[\s,，、]+/).filter(Boolean);
      if (!themes.length || themes.some((theme) => !(allThemes as readonly string[]).includes(theme))) {
        ctx.addIssue({ code: "custom", message: "themesInvalid" });
        return z.NEVER;
      }
      return themes;
    }),
    // empty: no law sets a period (the guide says so and only the promise counts)
    statutoryDays: z.preprocess((value) => (value === "" ? null : value), days.nullable()),
    statutoryDayCount: z.enum(DayCount, { message: "choose" }),
    statutorySource: z
      .string()
      .trim()
      .max(200, "tooLongMax|200")
      .transform((value) => value || null),
    promisedDays: days,
    visits: z.enum(["0", "1", "2"], { message: "choose" }).transform(Number),
    fee: text(500),
    location: text(500),
    hours: text(300),
    consultPhone: phone,
    complaintPhone: phone,
    resultName: line(200),
    delivery: text(200),
    specialSteps: textField().max(1000, "tooLongMax|1000").optional(),
    legalBasis: jsonField(ZLegalBasis),
    conditions: jsonField(z.array(z.string().min(1)).min(1)),
    materials: jsonField(z.array(ZMaterial)),
    process: jsonField(z.array(z.string().min(1)).min(1)),
    faq: jsonField(z.array(z.object({ q: z.string().min(1), a: z.string().min(1) }))),
    form: jsonField(ZFormDefinition),
    published: z.enum(["yes", "no"]).transform((v) => v === "yes"),
  })
  .superRefine((value, ctx) => {
    if (value.statutoryDays !== null && value.promisedDays > value.statutoryDays)
      ctx.addIssue({ code: "custom", path: ["promisedDays"], message: "promisedAboveStatutory" });
    const materialIds = new Set(value.materials.map((m) => m.id));
    const orphan = value.form.steps
      .flatMap((s) => s.fields)
      .some((f) => f.type === "file" && (!f.materialId || !materialIds.has(f.materialId)));
    if (orphan) ctx.addIssue({ code: "custom", path: ["form"], message: "uploadWithoutMaterial" });
  });
export type TServiceEdit = z.infer<typeof ZServiceEdit>;

/** Administrators only; the change, its version bump and the audit entry commit together. */
export async function updateService(
  input: { actor: TSessionUser; edit: TServiceEdit } & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  const { actor, edit } = input;
  const isAdmin = isAdministrator(actor);
  const existing = await prisma.service.findUnique({
    where: { code: edit.code },
    select: { id: true, version: true },
  });
  if (!isAdmin || !existing) {
    throw await deniedAsNotFound(prisma, {
      actorId: actor.id,
      action: "service.update",
      entityType: "Service",
      entityId: edit.code,
    });
  }
  const { code, expectedVersion, ...data } = edit;
  await prisma.$transaction(async (tx) => {
    const updated = await tx.service.updateMany({
      where: { id: existing.id, version: expectedVersion },
      data: {
        ...data,
        summaryEn: data.summaryEn || null,
        specialSteps: data.specialSteps || null,
        version: { increment: 1 },
      } as Prisma.ServiceUpdateManyMutationInput,
    });
    if (updated.count !== 1) throw new FormError("serviceChanged");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "service.update",
      entityType: "Service",
      entityId: code,
      detail: { version: expectedVersion + 1 },
    });
    // published → indexed, unpublished → removed, in the same transaction
    await refreshSearchEntry(tx, { type: "service", id: existing.id });
  });
  contentChanged();
}
