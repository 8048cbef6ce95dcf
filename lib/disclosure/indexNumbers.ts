import type { Prisma, PrismaClient } from "../db/generated/client";

type Tx = PrismaClient | Prisma.TransactionClient;

/** A unit's code, as a 索引号 starts with it and as forms name a department: two to ten capitals. */
export const unitCodePattern = /^[A-Z]{2,10}$/;

/** The 索引号 shape: {unit code}/{YYYY}-{NNNNN}. */
export const indexNoPattern = /^[A-Z]{2,10}\/\d{4}-\d{5}$/;

/**
 * The next 索引号 for a unit and year, from one atomic upsert on the serial table, so
 * concurrent publications never share a number. A number, once given, is never reused.
 */
export async function nextIndexNo(tx: Tx, unitCode: string, year: number): Promise<string> {
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
