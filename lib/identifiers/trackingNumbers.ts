import { randomInt } from "node:crypto";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { chinaDay } from "../calendar/workdays";

type Tx = PrismaClient | Prisma.TransactionClient;
type TTrackingKind = "SV" | "GK" | "XJ";

const accessCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * The next 办件编号 for a kind: two letters, the China date, and a 6-digit daily serial taken
 * with one atomic upsert, so concurrent submissions never share a number.
 */
export async function nextTrackingNumber(tx: Tx, kind: TTrackingKind, now = new Date()): Promise<string> {
  const day = chinaDay(now).replace(/-/g, "");
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "DailySerial" ("kind", "day", "value") VALUES (${kind}, ${day}, 1)
    ON CONFLICT ("kind", "day") DO UPDATE SET "value" = "DailySerial"."value" + 1
    RETURNING "value"`;
  const serial = Number(rows[0].value);
  if (serial > 999_999) throw new Error(`daily serial for ${kind}${day} exhausted`);
  return `${kind}${day}${String(serial).padStart(6, "0")}`;
}

/** A 查询码: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export function newAccessCode(): string {
  return randomCode(6);
}

/**
 * A result document's verification code: 16 characters of the same alphabet (about 79 bits), so
 * that nobody finds a document by guessing; printed in four groups of four.
 */
export function newVerificationCode(): string {
  return randomCode(16);
}

function randomCode(length: number): string {
  return Array.from({ length }, () => accessCodeAlphabet[randomInt(accessCodeAlphabet.length)]).join("");
}
