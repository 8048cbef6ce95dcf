import "server-only";
import { auditIfExists } from "../audit/refusals";
import { createHash, randomBytes } from "node:crypto";
import { clientOf, type TDbOption } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { ownAccountEntry, writeAudit } from "../audit/writeAudit";
import { NotFoundError } from "../shared/errors";
import { staffMfaMode } from "./staffMfa";
import type { TPortal, TSessionUser } from "./types";
import { toSessionUser } from "./verifyCredentials";

const minute = 60_000;

/**
 * How long a session lasts: at most 8 hours from sign-in whatever happens, and it ends sooner
 * when unused — 30 minutes for staff (they hold other people's data), 2 hours for citizens
 * (long enough to gather documents for a form in the middle of an application).
 */
export const sessionLimits: Record<TPortal, { absoluteMs: number; idleMs: number }> = {
  public: { absoluteMs: 8 * 60 * minute, idleMs: 120 * minute },
  staff: { absoluteMs: 8 * 60 * minute, idleMs: 30 * minute },
};

/** Use is recorded at most once a minute: enough for the idle limit, not a write per request. */
const touchEveryMs = minute;

/** The row's id: the SHA-256 of the cookie's secret, so the table alone cannot make a cookie. */
const rowId = (sid: string) => createHash("sha256").update(sid).digest("base64url");

const portalOf = (value: string): TPortal => (value === "staff" ? "staff" : "public");

/**
 * Opens a session for someone who just signed in; returns the secret the cookie carries.
 * `secondFactorAt`: when the person gave their second factor (staff cannot use a session without it).
 */
export async function openSession(
  input: {
    user: TSessionUser;
    portal: TPortal;
    userAgent?: string | null;
    secondFactorAt?: Date | null;
    now?: Date;
  } & TDbOption,
): Promise<{ sid: string; expiresAt: Date }> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  const sid = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + sessionLimits[input.portal].absoluteMs);
  await prisma.userSession.create({
    data: {
      id: rowId(sid),
      userId: input.user.id,
      portal: input.portal,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      secondFactorAt: input.secondFactorAt ?? null,
    },
  });
  return { sid, expiresAt };
}

/**
 * A staff session counts only once its second factor was given: this is the guard every staff
 * page, action and API call passes through (they all read the session here), so no route can
 * forget it. Only STAFF_MFA=optional lets staff who have not enrolled in with the password alone.
 */
function secondFactorSatisfied(
  row: { portal: string; secondFactorAt: Date | null },
  enrolled: boolean,
): boolean {
  return row.portal !== "staff" || !!row.secondFactorAt || (!enrolled && staffMfaMode() === "optional");
}

/**
 * The session a cookie's secret belongs to while it is alive (not ended, within its lifetime, not
 * idle too long, a staff session with its second factor), else null; a session found dead is
 * ended on the spot. With `use`, the request
 * is real use of the portal and renews the idle limit; a background check (next-auth's session
 * endpoint) passes no `use`, so polling cannot keep a session alive.
 */
export async function liveSession(
  input: { sid: string; use?: boolean; now?: Date } & TDbOption,
): Promise<{ userId: string; portal: TPortal; user: TSessionUser | null } | null> {
  const prisma = await clientOf(input);
  const now = input.now ?? new Date();
  const id = rowId(input.sid);
  // one read per request: the session row with its user's current state (enabled, roles, scope),
  // so that signing out, disabling or a changed role takes effect on the very next request
  const row = await prisma.userSession.findUnique({
    where: { id },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          accountType: true,
          disabled: true,
          totpEnabledAt: true,
          grants: { select: { role: true, department: { select: { code: true } } } },
        },
      },
    },
  });
  if (!row || row.endedAt) return null;
  const portal = portalOf(row.portal);
  const idleSince = now.getTime() - row.lastSeenAt.getTime();
  if (
    row.expiresAt <= now ||
    idleSince > sessionLimits[portal].idleMs ||
    !secondFactorSatisfied(row, !!row.user.totpEnabledAt)
  ) {
    await prisma.userSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: now } });
    return null;
  }
  if (input.use && idleSince > touchEveryMs)
    await prisma.userSession.update({ where: { id }, data: { lastSeenAt: now } });
  return { userId: row.userId, portal, user: row.user.disabled ? null : toSessionUser(row.user) };
}

/** Ends the session a cookie's secret belongs to (sign-out); nothing happens for an unknown one. */
export async function endSessionBySecret(input: { sid: string; now?: Date } & TDbOption): Promise<void> {
  await (
    await clientOf(input)
  ).userSession.updateMany({
    where: { id: rowId(input.sid), endedAt: null },
    data: { endedAt: input.now ?? new Date() },
  });
}

/**
 * Ends every session of a person at once: "sign out everywhere", and what a password change or
 * a disabled account must do. Returns how many were ended.
 */
export async function endAllSessions(input: { userId: string; now?: Date } & TDbOption): Promise<number> {
  const ended = await (
    await clientOf(input)
  ).userSession.updateMany({
    where: { userId: input.userId, endedAt: null },
    data: { endedAt: input.now ?? new Date() },
  });
  return ended.count;
}

export type TSessionView = {
  /** a short public handle for the row (never the cookie's secret) */
  handle: string;
  portal: TPortal;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  current: boolean;
};

const handleOf = (id: string) => id.slice(0, 16);

/** The actor's own live sessions, newest use first, the one making the request marked. */
export async function listOwnSessions(
  input: { actor: TSessionUser; currentSid: string | null; now?: Date } & TDbOption,
): Promise<TSessionView[]> {
  const now = input.now ?? new Date();
  const rows = await (
    await clientOf(input)
  ).userSession.findMany({
    where: { userId: input.actor.id, endedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
  });
  const current = input.currentSid ? rowId(input.currentSid) : null;
  return rows
    .filter((row) => now.getTime() - row.lastSeenAt.getTime() <= sessionLimits[portalOf(row.portal)].idleMs)
    .map((row) => ({
      handle: handleOf(row.id),
      portal: portalOf(row.portal),
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      userAgent: row.userAgent,
      current: row.id === current,
    }));
}

/**
 * Every live session of a person but the one making the request: what a password change ends
 * (whoever had the old password is signed out, the person stays signed in), in the caller's
 * transaction.
 */
export function otherLiveSessions(input: {
  userId: string;
  currentSid: string | null;
}): Prisma.UserSessionWhereInput {
  return {
    userId: input.userId,
    endedAt: null,
    ...(input.currentSid ? { id: { not: rowId(input.currentSid) } } : {}),
  };
}

/**
 * Ends one of the actor's own sessions by its handle, all of them ("everywhere") or all but the
 * one making the request ("others", which needs `currentSid`); audited. Someone else's handle is
 * not found.
 */
export async function endOwnSessions(
  input: {
    actor: TSessionUser;
    handle: string | "everywhere" | "others";
    currentSid?: string | null;
  } & TDbOption,
): Promise<number> {
  const prisma = await clientOf(input);
  const now = new Date();
  let count: number;
  if (input.handle === "everywhere")
    count = await endAllSessions({ db: prisma, userId: input.actor.id, now });
  else if (input.handle === "others") {
    const ended = await prisma.userSession.updateMany({
      where: otherLiveSessions({ userId: input.actor.id, currentSid: input.currentSid ?? null }),
      data: { endedAt: now },
    });
    count = ended.count;
  } else {
    const own = await prisma.userSession.findMany({
      where: { userId: input.actor.id, endedAt: null },
      select: { id: true },
    });
    const row = own.find((candidate) => handleOf(candidate.id) === input.handle);
    if (!row) {
      // a handle of someone else's session is a refusal, audited; an unknown one is not
      await auditIfExists(
        prisma,
        () =>
          prisma.userSession.findFirst({
            where: { id: { startsWith: input.handle }, userId: { not: input.actor.id } },
            select: { id: true },
          }),
        { actorId: input.actor.id, action: "session.end", entityType: "UserSession", entityId: input.handle },
      );
      throw new NotFoundError("session");
    }
    const ended = await prisma.userSession.updateMany({
      where: { id: row.id, endedAt: null },
      data: { endedAt: now },
    });
    count = ended.count;
  }
  const action = { everywhere: "session.endAll", others: "session.endOthers" }[input.handle] ?? "session.end";
  await writeAudit(prisma, ownAccountEntry(input.actor.id, action, { count }));
  return count;
}
