import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { administratorsClient } from "../auth/guards";
import { toSessionUser } from "../auth/verifyCredentials";
import { writeAudit } from "../audit/writeAudit";
import { hashToken, tokenFormat, ZTokenName } from "../users/apiTokens";
import { ZEmail } from "../auth/schema";
import { FormError, NotFoundError } from "../shared/errors";
import { takesHotlineCalls } from "./hotline";

/** The cookie that carries a just-made endpoint secret or service token to /staff/hotline, which shows it once. */
export const hotlineFlashCookie = "onestop-hotline-secret";

/** A service token as the administrator makes it: a name, and the staff account it acts as. */
export const ZServiceToken = z.object({ name: ZTokenName, email: ZEmail });

const includeGrants = { grants: { include: { department: { select: { code: true } } } } } as const;

/**
 * Makes a service token for the hotline system (administrators only): it acts as a staff
 * account that takes hotline calls (a city-wide 信件办理员), so every work order it files is on
 * that account's record. Shown once; only its sha256 is kept.
 */
export async function createServiceToken(
  input: { actor: TSessionUser; name: string; email: string } & TDbOption,
): Promise<{ id: string; token: string }> {
  const prisma = await administratorsClient(input, { action: "serviceToken.create", entityType: "ApiToken" });
  const account = await prisma.user.findUnique({
    where: { email: input.email.trim().toLowerCase() },
    include: includeGrants,
  });
  if (!account || account.disabled || !takesHotlineCalls(toSessionUser(account)))
    throw new FormError("serviceTokenAccount", "email");
  const token = `os_${randomBytes(30).toString("base64url")}`;
  return prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: account.id, name: input.name, tokenHash: hashToken(token), service: true },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "serviceToken.create",
      entityType: "ApiToken",
      entityId: created.id,
      detail: { name: input.name, account: account.email },
    });
    return { id: created.id, token };
  });
}

/** The service tokens that still work (never the tokens), for the administrators' page. */
export async function serviceTokens(input: { actor: TSessionUser } & TDbOption) {
  const prisma = await administratorsClient(input, { action: "serviceToken.list", entityType: "ApiToken" });
  return prisma.apiToken.findMany({
    where: { service: true, revokedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, user: { select: { email: true } } },
  });
}

/** Revokes a service token (administrators only). */
export async function revokeServiceToken(input: { actor: TSessionUser; id: string } & TDbOption) {
  const prisma = await administratorsClient(input, { action: "serviceToken.revoke", entityType: "ApiToken" });
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: input.id, service: true, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (!count) throw new NotFoundError("ApiToken");
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "serviceToken.revoke",
      entityType: "ApiToken",
      entityId: input.id,
    });
  });
}

/**
 * The staff account a service token acts as, or null: a malformed, unknown, revoked or personal
 * token, a disabled account, or one that no longer takes hotline calls.
 */
export async function hotlineActorForToken(
  input: { token: string } & TDbOption,
): Promise<TSessionUser | null> {
  if (!tokenFormat.test(input.token)) return null;
  const prisma = await clientOf(input);
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(input.token) },
    include: { user: { include: includeGrants } },
  });
  if (!found || !found.service || found.revokedAt || found.user.disabled) return null;
  const actor = toSessionUser(found.user);
  if (!takesHotlineCalls(actor)) return null;
  const now = new Date();
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000)
    await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  return actor;
}

const bearer = /^Bearer\s+(\S+)\s*$/i;

/** The account behind a request's `Authorization: Bearer <service token>`, or null. */
export async function hotlineActorFromRequest(request: Request): Promise<TSessionUser | null> {
  const token = bearer.exec(request.headers.get("authorization") ?? "")?.[1];
  return token ? hotlineActorForToken({ token }) : null;
}
