import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { lineField } from "../shared/plainText";
import { clientOf, type TDbOption } from "../db/client";
import { auditIfExists } from "../audit/refusals";
import { isCitizen } from "../auth/policy";
import { requireOwnAccount } from "../auth/guards";
import type { TSessionUser } from "../auth/types";
import { toSessionUser } from "../auth/verifyCredentials";
import { FormError, NotFoundError } from "../shared/errors";

/** The token name, shared by the account form and the JSON API. */
export const ZTokenName = lineField({ error: "required" }).min(1, "required").max(60, "tooLongMax|60");

/** The cookie that carries a just-made token to the account page, which shows it once. */
export const newTokenCookie = "onestop-new-token";

type TApiTokenSummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

// `os_` and 40 url-safe characters (30 random bytes in base64url); only its sha256 is stored
export const tokenFormat = /^os_[A-Za-z0-9_-]{40}$/;
const maxActiveTokens = 20;
// a token used again within this window does not write lastUsedAt again
const lastUsedResolutionMs = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Makes a personal API token for a citizen and returns it once: only its sha256 is kept, so it
 * can never be shown again. Staff get a NotFoundError (their work is not done through tokens).
 */
export async function createApiToken(
  input: { actor: TSessionUser; name: string } & TDbOption,
): Promise<{ id: string; name: string; token: string }> {
  const prisma = await clientOf(input);
  const { actor } = input;
  // the audit log records staff actions: a staff account trying to mint a token is one
  await requireOwnAccount(prisma, { actor, action: "apiToken.create", entityType: "ApiToken" });
  const parsed = ZTokenName.safeParse(input.name);
  if (!parsed.success) throw new FormError(parsed.error.issues[0]?.message ?? "required", "name");
  const active = await prisma.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
  if (active >= maxActiveTokens) throw new FormError("tooManyTokens|20", "name");

  const token = `os_${randomBytes(30).toString("base64url")}`;
  const created = await prisma.apiToken.create({
    data: { userId: actor.id, name: parsed.data, tokenHash: hashToken(token) },
    select: { id: true, name: true },
  });
  return { ...created, token };
}

/** The actor's tokens that still work, newest first (never the token itself). */
export async function listApiTokens(input: { actor: TSessionUser } & TDbOption): Promise<TApiTokenSummary[]> {
  return (await clientOf(input)).apiToken.findMany({
    where: { userId: input.actor.id, revokedAt: null, service: false },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

/** Revokes one of the actor's own tokens; anyone else's (or an unknown id) is a NotFoundError. */
export async function revokeApiToken(input: { actor: TSessionUser; id: string } & TDbOption): Promise<void> {
  const prisma = await clientOf(input);
  const { count } = await prisma.apiToken.updateMany({
    where: { id: input.id, userId: input.actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count) return;
  // someone else's token is a refusal, audited; an unknown or already revoked one is not
  await auditIfExists(
    prisma,
    () =>
      prisma.apiToken.findFirst({
        where: { id: input.id, userId: { not: input.actor.id } },
        select: { id: true },
      }),
    { actorId: input.actor.id, action: "token.revoke", entityType: "ApiToken", entityId: input.id },
  );
  throw new NotFoundError("api token");
}

/**
 * For the account page: the actor's tokens, and the just-made token to show once (`fresh`, from
 * the short-lived cookie the create action sets) only if it is theirs and still works.
 */
export async function tokensForAccountPage(input: { actor: TSessionUser; fresh?: string } & TDbOption) {
  const prisma = await clientOf(input);
  const tokens = await listApiTokens({ actor: input.actor, db: prisma });
  const freshHash = input.fresh && tokenFormat.test(input.fresh) ? hashToken(input.fresh) : null;
  const fresh = freshHash
    ? await prisma.apiToken.findFirst({
        where: { tokenHash: freshHash, userId: input.actor.id, revokedAt: null },
        select: { id: true, name: true },
      })
    : null;
  return { tokens, fresh: fresh && input.fresh ? { ...fresh, token: input.fresh } : null };
}

/**
 * The citizen a Bearer token belongs to, or null when it is malformed, unknown, revoked, or its
 * account is disabled. Records when it was last used (at most once a minute).
 */
export async function userForToken(input: { token: string } & TDbOption): Promise<TSessionUser | null> {
  const { token } = input;
  if (!tokenFormat.test(token)) return null;
  const prisma = await clientOf(input);
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { grants: { include: { department: { select: { code: true } } } } } } },
  });
  // a service token (lib/users/serviceTokens.ts) is a system's, never a citizen's
  if (!found || found.revokedAt || found.service || found.user.disabled) return null;
  const user = toSessionUser(found.user);
  if (!isCitizen(user)) return null;
  const now = new Date();
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > lastUsedResolutionMs) {
    await prisma.apiToken.updateMany({
      where: {
        id: found.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - lastUsedResolutionMs) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return user;
}
