import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { clientOf, type TDbOption } from "../db/client";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { requireAdministrator } from "../auth/guards";
import { writeAudit } from "../audit/writeAudit";
import { lineField } from "../shared/plainText";
import { FormError, NotFoundError } from "../shared/errors";
import { pageOf } from "../shared/paging";
import { enqueueJob } from "../jobs/queue";
import { webhookUrlProblem } from "./address";
import { webhookJobKind } from "./deliveries";

/** A hotline endpoint as the administrator registers it; a secret left empty is generated. */
export const ZWebhookEndpoint = z.object({
  name: lineField().min(1, "required").max(60, "tooLongMax|60"),
  url: lineField().min(1, "required").max(500, "tooLongMax|500"),
  secret: lineField()
    .max(200, "tooLongMax|200")
    .refine((value) => value === "" || value.length >= 24, "webhookSecretShort|24")
    .optional(),
});
export type TWebhookEndpointInput = z.infer<typeof ZWebhookEndpoint>;

const administratorOnly = (prisma: PrismaClient, actor: TSessionUser, action: string) =>
  requireAdministrator(prisma, { actor, action, entityType: "WebhookEndpoint" });

/** The audit entry of an administrator's change to an endpoint, under the action administratorOnly checked. */
const endpointChange = (actor: TSessionUser, action: string, id: string, detail: Prisma.InputJsonObject) => ({
  actorId: actor.id,
  action,
  entityType: "WebhookEndpoint",
  entityId: id,
  detail,
});

/** The secret as the list shows it: enough to tell two apart, never enough to sign. */
const secretHint = (secret: string) => `…${secret.slice(-4)}`;

/**
 * Registers a hotline system's receiver (administrators only): an http(s) URL that is not a
 * private or loopback address (unless WEBHOOK_ALLOW_PRIVATE=1), and the shared HMAC secret,
 * generated (whsec_ and 32 random bytes) when none is given. Returns the secret, shown once.
 */
export async function createWebhookEndpoint(
  input: { actor: TSessionUser; endpoint: TWebhookEndpointInput } & TDbOption,
): Promise<{ id: string; secret: string }> {
  const prisma = await clientOf(input);
  await administratorOnly(prisma, input.actor, "webhook.create");
  const { name, url } = input.endpoint;
  const problem = webhookUrlProblem(url);
  if (problem) throw new FormError(problem, "url");
  const secret = input.endpoint.secret || `whsec_${randomBytes(32).toString("base64url")}`;
  return prisma.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { name, url, secret, createdById: input.actor.id },
      select: { id: true },
    });
    await writeAudit(tx, endpointChange(input.actor, "webhook.create", created.id, { name, url }));
    return { id: created.id, secret };
  });
}

/**
 * Switches an endpoint on or off (administrators only). An endpoint off gets no deliveries for
 * the steps taken meanwhile, and those already waiting wait; switched on, they are sent.
 */
export async function setWebhookEndpointActive(
  input: { actor: TSessionUser; id: string; active: boolean } & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  await administratorOnly(prisma, input.actor, "webhook.update");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: input.id },
      data: { active: input.active },
    });
    if (!count) throw new NotFoundError("WebhookEndpoint");
    // switched on again: what was waiting when it went off goes now (a job per letter, for its
    // last waiting step, which sends the earlier ones first)
    if (input.active) {
      const waiting = await tx.webhookDelivery.groupBy({
        by: ["letterId"],
        where: { endpointId: input.id, deliveredAt: null },
        _max: { sequence: true },
      });
      for (const { letterId, _max } of waiting) {
        const last = await tx.webhookDelivery.findUniqueOrThrow({
          where: {
            endpointId_letterId_sequence: { endpointId: input.id, letterId, sequence: _max.sequence ?? 0 },
          },
          select: { id: true },
        });
        await enqueueJob(tx, { kind: webhookJobKind, payload: { deliveryId: last.id } });
      }
    }
    await writeAudit(tx, endpointChange(input.actor, "webhook.update", input.id, { active: input.active }));
  });
}

/** The registered endpoints with how many of their deliveries wait, for the administrators' page. */
export async function webhookEndpoints(input: { actor: TSessionUser } & TDbOption) {
  const prisma = await clientOf(input);
  await administratorOnly(prisma, input.actor, "webhook.list");
  const endpoints = await prisma.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" } });
  const waiting = await prisma.webhookDelivery.groupBy({
    by: ["endpointId"],
    where: { deliveredAt: null },
    _count: { _all: true },
  });
  return endpoints.map(({ secret, ...endpoint }) => ({
    ...endpoint,
    secretHint: secretHint(secret),
    waiting: waiting.find((w) => w.endpointId === endpoint.id)?._count._all ?? 0,
  }));
}

const logPageSize = 50;

/** The delivery log, newest first, 50 a page: each delivery's letter, event, attempts, status and last error. */
export async function webhookDeliveryLog(
  input: { actor: TSessionUser; page?: number; state?: "waiting" | "delivered" } & TDbOption,
) {
  const prisma = await clientOf(input);
  await administratorOnly(prisma, input.actor, "webhook.log");
  const where =
    input.state === "waiting"
      ? { deliveredAt: null }
      : input.state === "delivered"
        ? { deliveredAt: { not: null } }
        : {};
  const total = await prisma.webhookDelivery.count({ where });
  const paging = pageOf(total, logPageSize, input.page);
  const rows = await prisma.webhookDelivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { sequence: "desc" }],
    skip: paging.skip,
    take: paging.take,
    select: {
      id: true,
      event: true,
      sequence: true,
      attempts: true,
      lastStatus: true,
      lastError: true,
      lastAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      letterId: true,
      endpoint: { select: { name: true } },
    },
  });
  const letters = await prisma.letter.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.letterId))] } },
    select: { id: true, number: true },
  });
  const numberOf = new Map(letters.map((letter) => [letter.id, letter.number]));
  return {
    rows: rows.map((row) => ({ ...row, letterNumber: numberOf.get(row.letterId) ?? null })),
    total,
    ...paging,
  };
}

/**
 * Sends a waiting delivery again now (administrators only): for one whose job gave up after its
 * last retry while the receiver was down. Earlier waiting steps of its letter go first, as always.
 */
export async function retryWebhookDelivery(
  input: { actor: TSessionUser; id: string } & TDbOption,
): Promise<void> {
  const prisma = await clientOf(input);
  await administratorOnly(prisma, input.actor, "webhook.retry");
  await prisma.$transaction(async (tx) => {
    const found = await tx.webhookDelivery.findFirst({
      where: { id: input.id, deliveredAt: null },
      select: { id: true },
    });
    if (!found) throw new NotFoundError("WebhookDelivery");
    await enqueueJob(tx, { kind: webhookJobKind, payload: { deliveryId: found.id } });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "webhook.retry",
      entityType: "WebhookDelivery",
      entityId: found.id,
    });
  });
}
