import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { hashPassword, verifyPassword } from "./password";
import {
  TooManyRequestsError,
  checkLimit,
  clearAttempts,
  countAttempt,
  isRemembered,
  refundAttempt,
  rememberKey,
} from "../throttle/throttle";
import type { TGrant, TPortal, TSessionUser } from "./types";

export type TVerifyResult = { ok: true; user: TSessionUser } | { ok: false; error: "invalid" };

// Every refusal costs one argon2 verification, so response time does not reveal which
// e-mail addresses have accounts.
let dummyHash: Promise<string> | null = null;
const burnPasswordCheck = async (password: string) =>
  verifyPassword(await (dummyHash ??= hashPassword("onestop-dummy-password")), password);

type TSignInKeys = { address: string; accountAddress: string; account: string; known: boolean } & TDbOption;

/**
 * Counts a sign-in attempt before the password is hashed (a flood costs no CPU once over a
 * limit): per address (spraying), per account and address (guessing one account), and per
 * account alone only from addresses where it has not signed in lately, so a guesser elsewhere
 * cannot keep its owner out. Keyed by the address typed, never by whether it has an account, so
 * the answer over a limit is the same for both. Throws TooManyRequestsError.
 */
async function countSignInAttempt(keys: TSignInKeys): Promise<void> {
  const { db } = keys;
  await countAttempt({ limit: "signInAddress", key: keys.address, db });
  await countAttempt({ limit: "signInAccountAddress", key: keys.accountAddress, db });
  if (!keys.known) await countAttempt({ limit: "signInAccount", key: keys.account, db });
}

/**
 * Throws TooManyRequestsError when a sign-in from this address for this e-mail would be refused
 * by a limit, without counting an attempt: for a door that must answer 429 before it reaches
 * verifyCredentials (next-auth's credentials endpoint).
 */
export async function checkSignInLimits(
  input: { email: string; ip: string | null } & TDbOption,
): Promise<void> {
  const address = input.ip ?? "unknown";
  const email = input.email.trim().toLowerCase();
  const accountAddress = `${email} ${address}`;
  await checkLimit({ limit: "signInAddress", key: address, db: input.db });
  await checkLimit({ limit: "signInAccountAddress", key: accountAddress, db: input.db });
  if (!(await isRemembered({ limit: "signInKnownAddress", key: accountAddress, db: input.db })))
    await checkLimit({ limit: "signInAccount", key: email, db: input.db });
}

/** A right password: it was not a guess, and this address is now one the owner uses. */
async function settleSignIn(keys: TSignInKeys): Promise<void> {
  const { db } = keys;
  await refundAttempt({ limit: "signInAddress", key: keys.address, db });
  await clearAttempts({ limit: "signInAccountAddress", key: keys.accountAddress, db });
  if (!keys.known) await refundAttempt({ limit: "signInAccount", key: keys.account, db });
  await rememberKey({ limit: "signInKnownAddress", key: keys.accountAddress, db });
}

/**
 * Checks an e-mail and password for a sign-in door. Wrong passwords are slowed down, never locked
 * (see countSignInAttempt): over a limit this throws TooManyRequestsError, whether or not the
 * account exists. A citizen at the staff door, staff at the public door, staff without any role,
 * disabled accounts and registrations not yet confirmed are refused like a wrong password.
 * Every refusal and staff sign-in is audited (never the password).
 */
export async function verifyCredentials(
  input: { email: string; password: string; portal: TPortal; ip?: string | null } & TDbOption,
): Promise<TVerifyResult> {
  const prisma = await clientOf(input);
  const email = input.email.trim().toLowerCase();
  const address = input.ip ?? "unknown";
  const accountAddress = `${email} ${address}`;
  const keys: TSignInKeys = {
    address,
    accountAddress,
    account: email,
    known: await isRemembered({ limit: "signInKnownAddress", key: accountAddress, db: prisma }),
    db: prisma,
  };
  const user = await prisma.user.findUnique({
    where: { email },
    include: { grants: { include: { department: { select: { code: true } } } } },
  });
  const audit = (action: string, outcome: "ALLOWED" | "DENIED", detail?: { factor: string }) =>
    writeAudit(prisma, {
      actorId: user?.id ?? null,
      action,
      entityType: "User",
      entityId: user?.id ?? null,
      outcome,
      ip: input.ip,
      detail,
    });

  try {
    await countSignInAttempt(keys);
  } catch (error) {
    if (error instanceof TooManyRequestsError) await audit("auth.signInThrottled", "DENIED");
    throw error;
  }

  const staffDoor = input.portal === "staff";
  const fitsDoor =
    !!user &&
    !user.disabled &&
    !user.confirmTokenHash &&
    (user.accountType === "STAFF") === staffDoor &&
    (!staffDoor || user.grants.length > 0);
  if (!user || !fitsDoor) {
    await burnPasswordCheck(input.password);
    await audit("auth.signIn", "DENIED");
    return { ok: false, error: "invalid" };
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await audit("auth.signIn", "DENIED");
    return { ok: false, error: "invalid" };
  }

  await settleSignIn(keys);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  // for staff this is the first factor: the second step is audited as auth.secondFactor
  if (staffDoor) await audit("auth.signIn", "ALLOWED", { factor: "password" });
  return { ok: true, user: toSessionUser(user) };
}

type TUserWithGrants = {
  id: string;
  email: string;
  name: string;
  accountType: TSessionUser["accountType"];
  grants: { role: TGrant["role"]; department: { code: string } | null }[];
};

export function toSessionUser(user: TUserWithGrants): TSessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    accountType: user.accountType,
    grants: user.grants.map((grant) => ({ role: grant.role, department: grant.department?.code ?? null })),
  };
}

/** The current state of a session's user: null when the account is gone or disabled. */
export async function loadSessionUser(input: { userId: string } & TDbOption): Promise<TSessionUser | null> {
  const user = await (
    await clientOf(input)
  ).user.findUnique({
    where: { id: input.userId },
    include: { grants: { include: { department: { select: { code: true } } } } },
  });
  return user && !user.disabled ? toSessionUser(user) : null;
}
