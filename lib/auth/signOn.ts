import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { clientOf, type TDbOption } from "../db/client";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { writeAudit } from "../audit/writeAudit";
import { hashPassword } from "./password";
import { toSessionUser } from "./verifyCredentials";
import type { TSessionUser } from "./types";
import { noMailboxDomain } from "../shared/noMailbox";
import { identityFromClaims, type TPlatformIdentity } from "./signOnClaims";

/** Why a sign-on is refused: each is an errors-namespace key the sign-in page shows. */
export type TSignOnRefusal =
  | "signOnClaimsInvalid"
  | "signOnEmailTaken"
  | "signOnLinkedElsewhere"
  | "signOnOtherIdentity"
  | "signOnAccountUnavailable"
  | "signOnStaffUnknown"
  | "signOnStaffSecondFactor";
export type TSignOnResult =
  | { ok: true; user: TSessionUser; secondFactor: boolean; created?: boolean }
  | { ok: false; reason: TSignOnRefusal };

const include = { grants: { include: { department: { select: { code: true } } } } } as const;
type TAccount = Prisma.UserGetPayload<{ include: typeof include }>;
type TInput = { issuer: string; claims: unknown; ip?: string | null; now?: Date } & TDbOption;

const usable = (user: TAccount | null) =>
  !!user && !user.disabled && !user.closedAt && !user.confirmTokenHash;

async function refuse(
  prisma: PrismaClient,
  input: TInput,
  reason: TSignOnRefusal,
  more: { actorId?: string | null; subject?: string } = {},
): Promise<TSignOnResult> {
  await writeAudit(prisma, {
    actorId: more.actorId ?? null,
    action: "auth.signOn",
    entityType: "User",
    outcome: "DENIED",
    detail: { issuer: input.issuer, subject: more.subject ?? null, reason },
    ip: input.ip,
  });
  return { ok: false, reason };
}

/** What the platform vouches for, written onto the account (a lower level clears an earlier real name). */
function verifiedFields(identity: TPlatformIdentity, now: Date) {
  const real = identity.realName;
  return {
    verifiedName: real ? identity.name : null,
    verifiedIdNumber: real ? identity.idNumber : null,
    agentName: real ? identity.agentName : null,
    agentIdNumber: real ? identity.agentIdNumber : null,
    identityAssurance: identity.assurance,
    realNameVerifiedAt: real ? now : null,
  };
}

/**
 * An account signs on with what the platform verified: the verified fields refreshed, signed in
 * now, and audited on the account as `action`, from the sign-on's address.
 */
async function signOnAccount(
  tx: Prisma.TransactionClient,
  sign: { userId: string; identity: TPlatformIdentity; now: Date; ip?: string | null },
  audit: { action: string; detail: Prisma.InputJsonObject },
) {
  await tx.user.update({
    where: { id: sign.userId },
    data: { ...verifiedFields(sign.identity, sign.now), lastLoginAt: sign.now },
  });
  await writeAudit(tx, {
    actorId: sign.userId,
    action: audit.action,
    entityType: "User",
    entityId: sign.userId,
    detail: audit.detail,
    ip: sign.ip,
  });
}

/**
 * A citizen signs on through the identity platform. The identity (issuer + subject) names the
 * account: a known one signs in and its verified claims are refreshed; an unknown one makes a new
 * real-name account — unless the platform's address already has an account here, which is never
 * linked by address alone: its owner signs in with the password and links from the account page
 * (`linkTo`, the account of the session that started the sign-on). Audited either way.
 */
export async function signOnCitizen(input: TInput & { linkTo?: string | null }): Promise<TSignOnResult> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  const identity = identityFromClaims(input.claims);
  if (!identity) return refuse(prisma, input, "signOnClaimsInvalid");
  const subject = identity.subject;
  const known = await prisma.userIdentity.findUnique({
    where: { issuer_subject: { issuer: input.issuer, subject } },
    include: { user: { include } },
  });
  if (known && known.portal !== "public")
    return refuse(prisma, input, "signOnAccountUnavailable", { subject });

  if (input.linkTo) {
    if (known && known.userId !== input.linkTo)
      return refuse(prisma, input, "signOnLinkedElsewhere", { actorId: input.linkTo, subject });
    const user = await prisma.user.findUnique({ where: { id: input.linkTo }, include });
    if (!user || !usable(user) || user.accountType === "STAFF")
      return refuse(prisma, input, "signOnAccountUnavailable", { subject });
    const other = await prisma.userIdentity.findFirst({
      where: { userId: user.id, issuer: input.issuer, portal: "public", NOT: { subject } },
      select: { id: true },
    });
    // one platform identity per account, of the account's kind, and not someone else's real name
    const otherPerson =
      user.accountType !== identity.accountType ||
      (!!user.verifiedIdNumber && !!identity.idNumber && user.verifiedIdNumber !== identity.idNumber);
    if (other || otherPerson)
      return refuse(prisma, input, "signOnOtherIdentity", { actorId: user.id, subject });
    await prisma.$transaction(async (tx) => {
      if (!known)
        await tx.userIdentity.create({
          data: { userId: user.id, issuer: input.issuer, subject, portal: "public", lastUsedAt: now },
        });
      await signOnAccount(
        tx,
        { userId: user.id, identity, now, ip: input.ip },
        { action: "identity.link", detail: { issuer: input.issuer, subject, realName: identity.realName } },
      );
    });
    return { ok: true, user: toSessionUser(user), secondFactor: false };
  }

  if (known) {
    if (!usable(known.user) || known.user.accountType === "STAFF")
      return refuse(prisma, input, "signOnAccountUnavailable", { subject });
    await prisma.$transaction(async (tx) => {
      await tx.userIdentity.update({ where: { id: known.id }, data: { lastUsedAt: now } });
      await signOnAccount(
        tx,
        { userId: known.userId, identity, now, ip: input.ip },
        {
          action: "auth.signIn",
          detail: { factor: "signOn", issuer: input.issuer, realName: identity.realName },
        },
      );
    });
    return { ok: true, user: toSessionUser(known.user), secondFactor: false };
  }

  if (
    identity.email &&
    (await prisma.user.findUnique({ where: { email: identity.email }, select: { id: true } }))
  )
    return refuse(prisma, input, "signOnEmailTaken", { subject });
  const mobileFree =
    identity.mobile &&
    !(await prisma.user.findUnique({ where: { mobile: identity.mobile }, select: { id: true } }));
  const placeholder = `s${createHash("sha256").update(`${input.issuer} ${subject}`).digest("hex").slice(0, 20)}`;
  const created = await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: identity.email ?? `${placeholder}${noMailboxDomain}`,
        // no password: this account signs on through the platform until its owner sets one
        passwordHash: await hashPassword(randomBytes(32).toString("base64url")),
        name: identity.name ?? identity.subject.slice(0, 100),
        accountType: identity.accountType,
        idNumber: identity.idNumber,
        ...(mobileFree && { mobile: identity.mobile, mobileVerifiedAt: now }),
        ...verifiedFields(identity, now),
        lastLoginAt: now,
        identities: { create: { issuer: input.issuer, subject, portal: "public", lastUsedAt: now } },
      },
      include,
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: "user.registerBySignOn",
      entityType: "User",
      entityId: user.id,
      detail: { issuer: input.issuer, subject, realName: identity.realName },
      ip: input.ip,
    });
    return user;
  });
  return { ok: true, user: toSessionUser(created), secondFactor: false, created: true };
}

/**
 * A staff member signs on through the government sign-on. Only an identity an administrator
 * linked, or whose e-mail an administrator registered beforehand (linked to the subject at its
 * first use), opens a staff account: there is no self-service. The sign-on stands in for the
 * portal's second factor only when the platform says the person gave more than one factor (`amr`);
 * otherwise it is refused and the person signs in with password and authenticator code.
 */
export async function signOnStaff(input: TInput): Promise<TSignOnResult> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  const identity = identityFromClaims(input.claims);
  if (!identity) return refuse(prisma, input, "signOnClaimsInvalid");
  const subject = identity.subject;
  const registered =
    (await prisma.userIdentity.findUnique({
      where: { issuer_subject: { issuer: input.issuer, subject } },
      include: { user: { include } },
    })) ??
    (identity.email
      ? await prisma.userIdentity.findFirst({
          where: { issuer: input.issuer, email: identity.email, subject: null, portal: "staff" },
          include: { user: { include } },
        })
      : null);
  if (
    !registered ||
    registered.portal !== "staff" ||
    !usable(registered.user) ||
    registered.user.accountType !== "STAFF"
  )
    return refuse(prisma, input, "signOnStaffUnknown", { subject });
  if (!identity.multiFactor)
    return refuse(prisma, input, "signOnStaffSecondFactor", { actorId: registered.userId, subject });
  await prisma.$transaction(async (tx) => {
    await tx.userIdentity.update({ where: { id: registered.id }, data: { subject, lastUsedAt: now } });
    await tx.user.update({ where: { id: registered.userId }, data: { lastLoginAt: now } });
    await writeAudit(tx, {
      actorId: registered.userId,
      action: "auth.signIn",
      entityType: "User",
      entityId: registered.userId,
      detail: { factor: "signOn", issuer: input.issuer, amr: "multiFactor" },
      ip: input.ip,
    });
  });
  return { ok: true, user: toSessionUser(registered.user), secondFactor: true };
}
