import type { Prisma, PrismaClient } from "../db/generated/client";

type Tx = PrismaClient | Prisma.TransactionClient;

/** A department's code, as forms and filters name a department: two to ten capitals (e.g. RSJ). */
export const departmentCodePattern = /^[A-Z]{2,10}$/;

/** A 统一社会信用代码's shape (GB 32100): 18 characters of its alphabet (no I, O, S, V, Z). */
const creditCodeShape = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}";

/**
 * The unit part of a 索引号, in either form: the department's code (the default) or, where the
 * department is set to, its 18-character 统一社会信用代码.
 */
export const unitCodePattern = new RegExp(`^(?:[A-Z]{2,10}|${creditCodeShape})$`);

/** The 索引号 shape: {unit code or credit code}/{YYYY}-{NNNNN}. */
export const indexNoPattern = new RegExp(`^(?:[A-Z]{2,10}|${creditCodeShape})/\\d{4}-\\d{5}$`);

/** The unit a department's new 索引号 start with: its credit code where it is set to, else its code. */
export function indexUnitOf(department: {
  code: string;
  creditCode: string | null;
  indexByCreditCode: boolean;
}): string {
  return department.indexByCreditCode && department.creditCode ? department.creditCode : department.code;
}

/**
 * The next 索引号 for a unit (a department's code or credit code, see indexUnitOf) and year,
 * from one atomic upsert on the serial table, so concurrent publications never share a number.
 * Each unit form has its own serials; a number, once given, is never reused.
 */
export async function nextIndexNo(tx: Tx, unitCode: string, year: number): Promise<string> {
  if (!unitCodePattern.test(unitCode)) throw new Error(`not a 索引号 unit: ${unitCode}`);
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "IndexSerial" ("departmentCode", "year", "value") VALUES (${unitCode}, ${year}, 1)
    ON CONFLICT ("departmentCode", "year") DO UPDATE SET "value" = "IndexSerial"."value" + 1
    RETURNING "value"`;
  const serial = Number(rows[0].value);
  if (serial > 99_999) throw new Error(`index serial for ${unitCode}/${year} exhausted`);
  return `${unitCode}/${year}-${String(serial).padStart(5, "0")}`;
}

/**
 * 文号 in the 〔〕 form — issuing-body abbreviation, 〔year〕, number, 号, e.g. 成府发〔2006〕58号 —
 * or a regulation's order number, e.g. 成都市人民政府令第215号 (规章 are numbered by 令).
 */
export const docNumberPattern =
  /^(?:[\u4e00-\u9fa5A-Za-z]{1,20}〔(19|20)\d{2}〕\d{1,4}号|[\u4e00-\u9fa5]{2,30}令第\d{1,4}号)$/;
