import "server-only";
import { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { requireAdministrator } from "../auth/guards";
import { writeAudit } from "../audit/writeAudit";
import { FormError } from "../shared/errors";
import { isValidCreditCode } from "../shared/checksums";
import { departmentCodePattern } from "./indexNumbers";
import { contentChanged } from "../cache/contentChanged";

/**
 * Which departments number their documents by 统一社会信用代码 ({credit code}/{year}-{serial})
 * instead of their code ({code}/{year}-{serial}, the default): one "department code  credit code"
 * pair a line, e.g. "SZF 11510100MB1C000014". A department not listed numbers by its code.
 */
export const ZIndexNumberingForm = z.object({
  creditCodes: z
    .string()
    .max(2000, "tooLongMax|2000")
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => line.split(/[\s:：,，]+/)),
    )
    .refine(
      (lines) => lines.every((parts) => parts.length === 2 && departmentCodePattern.test(parts[0])),
      "indexNumberingFormat",
    )
    .transform((lines) => lines.map(([code, creditCode]) => ({ code, creditCode: creditCode.toUpperCase() })))
    .refine((entries) => entries.every((entry) => isValidCreditCode(entry.creditCode)), "creditCodeInvalid"),
});
export type TIndexNumbering = z.infer<typeof ZIndexNumberingForm>["creditCodes"];

/** The departments that number by credit code now, as the settings form shows them (one a line). */
export async function indexNumberingText(input: TDbOption = {}): Promise<string> {
  const rows = await (
    await clientOf(input)
  ).department.findMany({
    where: { indexByCreditCode: true, creditCode: { not: null } },
    orderBy: { sortOrder: "asc" },
    select: { code: true, creditCode: true },
  });
  return rows.map((d) => `${d.code} ${d.creditCode}`).join("\n");
}

/**
 * Sets which departments number new documents by credit code (administrators only; a refusal is
 * audited). Listed departments get the credit code and the setting; every other department numbers
 * by its code again. Numbers already given never change: the setting applies to new documents.
 * An unknown department or a credit code given to two departments is refused, naming the field.
 */
export async function saveIndexNumbering(
  input: { actor: TSessionUser; entries: TIndexNumbering } & TDbOption,
): Promise<{ on: string[]; off: string[] }> {
  const prisma = await clientOf(input);
  const action = "department.indexNumbering";
  await requireAdministrator(prisma, { actor: input.actor, action, entityType: "Department" });
  const codes = input.entries.map((entry) => entry.code);
  if (new Set(codes).size !== codes.length) throw new FormError("indexNumberingTwice", "creditCodes");
  const creditCodes = input.entries.map((entry) => entry.creditCode);
  if (new Set(creditCodes).size !== creditCodes.length)
    throw new FormError("indexNumberingShared", "creditCodes");
  const numbering = await prisma.$transaction(async (tx) => {
    const departments = await tx.department.findMany({
      select: { code: true, creditCode: true, indexByCreditCode: true },
    });
    const known = new Set(departments.map((d) => d.code));
    const unknown = codes.find((code) => !known.has(code));
    if (unknown) throw new FormError("indexNumberingUnknown", "creditCodes");
    // a credit code is one body's: another department keeping it would share its 索引号 serials
    const taken = departments.find(
      (d) => d.creditCode && !codes.includes(d.code) && creditCodes.includes(d.creditCode),
    );
    if (taken) throw new FormError("indexNumberingShared", "creditCodes");
    for (const entry of input.entries)
      await tx.department.update({
        where: { code: entry.code },
        data: { creditCode: entry.creditCode, indexByCreditCode: true },
      });
    const off = departments.filter((d) => d.indexByCreditCode && !codes.includes(d.code)).map((d) => d.code);
    if (off.length)
      await tx.department.updateMany({ where: { code: { in: off } }, data: { indexByCreditCode: false } });
    const on = input.entries.map((entry) => `${entry.code} ${entry.creditCode}`);
    await writeAudit(tx, {
      actorId: input.actor.id,
      action,
      entityType: "Department",
      entityId: "indexNumbering",
      detail: { on, off },
    });
    return { on, off };
  });
  contentChanged();
  return numbering;
}
