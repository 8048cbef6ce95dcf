import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { clientOf, type TDbOption } from "../db/client";
import { countAttempt, refundAttempt } from "../throttle/throttle";
import { queueSms } from "./sendSms";

/**
 * The rules of SMS codes: six digits, good for 5 minutes and for 5 tries, a new one at the
 * earliest 60 s after the last to the same number and purpose, and per-number and per-address
 * limits on how many are sent (lib/throttle/limits.ts). Only an HMAC of the code is stored, bound
 * to the number and purpose. `now` is the clock (tests move it).
 */
export const smsCodeRules = { digits: 6, lifetimeMs: 5 * 60_000, maxAttempts: 5, resendAfterMs: 60_000 };

export type TCodePurpose = "signIn" | "changeOld" | "changeNew";

/** A refusal with its reason (an errors-namespace key) and, for resendWait, the seconds left. */
export class SmsCodeError extends Error {
  constructor(
    readonly reason: "codeResendWait" | "codeWrong" | "codeExpired" | "codeTooManyTries",
    readonly seconds?: number,
  ) {
    super(reason);
  }
}

function codeHash(input: { mobile: string; purpose: string; code: string }): string {
  const key = process.env.NEXTAUTH_SECRET || "onestop-development-sms-code-key";
  return createHmac("sha256", key).update(`${input.purpose}\n${input.mobile}\n${input.code}`).digest("hex");
}

/**
 * Sends a new code to a number: refused with codeResendWait within 60 s of the last one (nothing
 * counted), TooManyRequestsError past the number's or the address's limit. The code row and its
 * SMS commit together. Returns when the code expires.
 */
export async function sendSmsCode(
  input: {
    mobile: string;
    purpose: TCodePurpose;
    ip: string | null;
    userId?: string | null;
    now?: Date;
  } & TDbOption,
): Promise<{ expiresAt: Date }> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  const last = await prisma.smsCode.findFirst({
    where: { mobile: input.mobile, purpose: input.purpose },
    orderBy: { sentAt: "desc" },
    select: { sentAt: true },
  });
  const waitMs = last ? last.sentAt.getTime() + smsCodeRules.resendAfterMs - now.getTime() : 0;
  if (waitMs > 0) throw new SmsCodeError("codeResendWait", Math.ceil(waitMs / 1000));
  await countAttempt({ db: prisma, limit: "smsCodeNumber", key: input.mobile });
  if (input.ip) {
    try {
      await countAttempt({ db: prisma, limit: "smsCodeAddress", key: input.ip });
    } catch (error) {
      await refundAttempt({ db: prisma, limit: "smsCodeNumber", key: input.mobile });
      throw error;
    }
  }
  const code = String(randomInt(0, 10 ** smsCodeRules.digits)).padStart(smsCodeRules.digits, "0");
  const expiresAt = new Date(now.getTime() + smsCodeRules.lifetimeMs);
  await prisma.$transaction(async (tx) => {
    // a new code replaces the ones before it
    await tx.smsCode.updateMany({
      where: { mobile: input.mobile, purpose: input.purpose, usedAt: null },
      data: { usedAt: now },
    });
    await tx.smsCode.create({
      data: {
        mobile: input.mobile,
        purpose: input.purpose,
        codeHash: codeHash({ ...input, code }),
        sentAt: now,
        expiresAt,
      },
    });
    await queueSms(tx, {
      to: input.mobile,
      template: "verificationCode",
      params: { code },
      userId: input.userId,
    });
  });
  return { expiresAt };
}

/**
 * Checks a typed code against the number's latest code for the purpose and uses it up when it
 * matches. Every try counts (the count is raised before the comparison, so concurrent tries cannot
 * pass the limit); the sixth try, or any after expiry, is refused whatever was typed. Wrong codes
 * count against the address as well.
 */
export async function checkSmsCode(
  input: { mobile: string; purpose: TCodePurpose; code: string; ip: string | null; now?: Date } & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  if (input.ip) await countAttempt({ db: prisma, limit: "smsCodeCheckAddress", key: input.ip });
  const latest = await prisma.smsCode.findFirst({
    where: { mobile: input.mobile, purpose: input.purpose, usedAt: null },
    orderBy: { sentAt: "desc" },
  });
  if (!latest || latest.expiresAt <= now) throw new SmsCodeError("codeExpired");
  const counted = await prisma.smsCode.updateMany({
    where: { id: latest.id, usedAt: null, attempts: { lt: smsCodeRules.maxAttempts } },
    data: { attempts: { increment: 1 } },
  });
  if (!counted.count) throw new SmsCodeError("codeTooManyTries");
  const given = Buffer.from(codeHash({ ...input, code: input.code.trim() }));
  const expected = Buffer.from(latest.codeHash);
  if (!(given.length === expected.length && timingSafeEqual(given, expected)))
    throw new SmsCodeError("codeWrong");
  const used = await prisma.smsCode.updateMany({
    where: { id: latest.id, usedAt: null },
    data: { usedAt: now },
  });
  // another request used the same code a moment before
  if (!used.count) throw new SmsCodeError("codeExpired");
  if (input.ip) await refundAttempt({ db: prisma, limit: "smsCodeCheckAddress", key: input.ip });
}
