import "server-only";
import { randomBytes } from "node:crypto";
import { clientOf, type TDbOption } from "../db/client";
import { hashPassword } from "../auth/password";
import { toSessionUser } from "../auth/verifyCredentials";
import type { TSessionUser } from "../auth/types";
import { writeAudit } from "../audit/writeAudit";
import { FormError } from "../shared/errors";
import type { TLocale } from "../i18n/settings";
import { checkSmsCode, sendSmsCode, SmsCodeError } from "./codes";
import { maskMobile } from "./templates";

/**
 * An account registered with a mobile number alone has no mailbox: its e-mail column holds this
 * placeholder (the column is the account's unique sign-in name), and nothing is mailed to it.
 */
import { noMailboxDomain } from "../shared/noMailbox";
export const mobileOnlyEmail = (mobile: string) => `m${mobile}${noMailboxDomain}`;
export const hasMailbox = (email: string) => !email.endsWith(noMailboxDomain);

type TClock = { ip: string | null; now?: Date } & TDbOption;

/** A code refusal as the form's error on the code field. */
function asFormError(error: unknown, field = "code"): never {
  if (error instanceof SmsCodeError) throw new FormError(error.reason, field);
  throw error;
}

/**
 * Sends a sign-in code. Whether the number has an account is not told: a number without one gets
 * a code too, and signing in with it registers the number (signInWithSmsCode).
 */
export async function requestSignInCode(input: { mobile: string } & TClock): Promise<{ expiresAt: Date }> {
  return sendSmsCode({ ...input, purpose: "signIn" }).catch((error: unknown) => asFormError(error, "mobile"));
}

/**
 * Signs in with a mobile number and its code: the account whose confirmed number it is, or — when
 * none has it — a new citizen account registered with that number (the code proved the person
 * holds it; `name` is asked for on the same form). Disabled, closed and staff accounts are refused
 * like a wrong code. Audited either way.
 */
export async function signInWithSmsCode(
  input: { mobile: string; code: string; name?: string; locale?: TLocale } & TClock,
): Promise<TSessionUser> {
  const prisma = await clientOf(input);
  const refuse = async (reason: string) => {
    await writeAudit(prisma, {
      actorId: null,
      action: "auth.signIn",
      entityType: "User",
      outcome: "DENIED",
      detail: { factor: "smsCode", mobile: maskMobile(input.mobile), reason },
      ip: input.ip,
    });
  };
  try {
    await checkSmsCode({ ...input, purpose: "signIn" });
  } catch (error) {
    if (error instanceof SmsCodeError) await refuse(error.reason);
    asFormError(error);
  }
  const include = { grants: { include: { department: { select: { code: true } } } } } as const;
  let user = await prisma.user.findUnique({ where: { mobile: input.mobile }, include });
  if (!user) {
    const name = input.name?.trim();
    if (!name) throw new FormError("required", "name");
    user = await prisma.user.create({
      data: {
        email: mobileOnlyEmail(input.mobile),
        // no password: this account signs in by code until its owner sets one
        passwordHash: await hashPassword(randomBytes(32).toString("base64url")),
        name: name.slice(0, 100),
        accountType: "PERSON",
        mobile: input.mobile,
        mobileVerifiedAt: input.now ?? new Date(),
        locale: input.locale ?? "zh-Hans",
      },
      include,
    });
    await writeAudit(prisma, {
      actorId: user.id,
      action: "user.registerByMobile",
      entityType: "User",
      entityId: user.id,
      ip: input.ip,
    });
  }
  if (user.disabled || user.closedAt || user.accountType === "STAFF") {
    await refuse("account");
    throw new FormError("codeWrong", "code");
  }
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await writeAudit(prisma, {
    actorId: user.id,
    action: "auth.signIn",
    entityType: "User",
    entityId: user.id,
    outcome: "ALLOWED",
    detail: { factor: "smsCode" },
    ip: input.ip,
  });
  return toSessionUser(user);
}

/**
 * Starts changing (or adding) the account's mobile number: a code to the new number and, when
 * the account has one, a code to the old number too — both must be typed to confirm.
 */
export async function requestMobileChange(
  input: { actor: TSessionUser; newMobile: string } & TClock,
): Promise<{ needsOldCode: boolean }> {
  const prisma = await clientOf(input);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.actor.id },
    select: { mobile: true },
  });
  if (user.mobile === input.newMobile) throw new FormError("mobileUnchanged", "mobile");
  const base = { ...input, db: prisma, userId: input.actor.id };
  await sendSmsCode({ ...base, mobile: input.newMobile, purpose: "changeNew" }).catch((error: unknown) =>
    asFormError(error, "mobile"),
  );
  if (user.mobile)
    await sendSmsCode({ ...base, mobile: user.mobile, purpose: "changeOld" }).catch((error: unknown) =>
      asFormError(error, "oldCode"),
    );
  return { needsOldCode: !!user.mobile };
}

/** Confirms the change with the code sent to the new number and, when there was one, the old one. Audited. */
export async function confirmMobileChange(
  input: { actor: TSessionUser; newMobile: string; newCode: string; oldCode?: string } & TClock,
): Promise<void> {
  const prisma = await clientOf(input);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.actor.id },
    select: { mobile: true },
  });
  if (user.mobile) {
    if (!input.oldCode) throw new FormError("codeWrong", "oldCode");
    await checkSmsCode({
      ...input,
      db: prisma,
      mobile: user.mobile,
      purpose: "changeOld",
      code: input.oldCode,
    }).catch((error: unknown) => asFormError(error, "oldCode"));
  }
  await checkSmsCode({
    ...input,
    db: prisma,
    mobile: input.newMobile,
    purpose: "changeNew",
    code: input.newCode,
  }).catch((error: unknown) => asFormError(error, "newCode"));
  const taken = await prisma.user.findUnique({ where: { mobile: input.newMobile }, select: { id: true } });
  if (taken && taken.id !== input.actor.id) throw new FormError("mobileTaken", "mobile");
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.actor.id },
      data: { mobile: input.newMobile, mobileVerifiedAt: input.now ?? new Date() },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "user.mobileChange",
      entityType: "User",
      entityId: input.actor.id,
      detail: { from: user.mobile ? maskMobile(user.mobile) : null, to: maskMobile(input.newMobile) },
      ip: input.ip,
    });
  });
}

/** The account's confirmed mobile number (own account), or null. */
export async function ownMobile(input: { actor: TSessionUser } & TDbOption): Promise<string | null> {
  const user = await (
    await clientOf(input)
  ).user.findUnique({
    where: { id: input.actor.id },
    select: { mobile: true },
  });
  return user?.mobile ?? null;
}
