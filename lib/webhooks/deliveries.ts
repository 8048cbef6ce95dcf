import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { enqueueJob, type TJobHandler, type TJobHandlers } from "../jobs/queue";
import { signatureHeader, signPayload } from "./signature";
import { postWebhook, WebhookSendError } from "./send";

type Tx = PrismaClient | Prisma.TransactionClient;

/** The job that sends one delivery (and any earlier one of the same letter still waiting). */
export const webhookJobKind = "webhook.deliver";

/**
 * The letter steps a hotline system hears of, by the event name it receives. A refusal or a
 * merge closes the work order; a reanswer is a reply like the first.
 */
const webhookEvents = {
  accept: "accepted",
  forward: "forwarded",
  sendBack: "sent_back",
  signOff: "signed_off",
  send: "replied",
  reanswer: "replied",
  rate: "rated",
  reopen: "reopened",
  publish: "published",
  refuse: "closed",
  merge: "closed",
  approveExtension: "extended",
} as const satisfies Record<string, string>;

const closedStatuses = new Set(["REPLIED", "PUBLISHED", "REFUSED", "MERGED"]);
const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/**
 * A letter as an Open311 (GeoReport v2) service request: service_request_id is the 信件编号,
 * status open/closed, with the letter's own status, mailbox and dates beside it. Never the
 * caller's number (the hotline has it) nor the letter's text; the reply goes as status_notes, for
 * the operator who calls back.
 */
export function serviceRequestOf(letter: {
  number: string;
  kind: string;
  status: string;
  externalRef: string | null;
  department: { code: string } | null;
  createdAt: Date;
  updatedAt: Date;
  dueOn: Date | null;
  replyText: string | null;
  rating: string | null;
}) {
  return {
    service_request_id: letter.number,
    external_ref: letter.externalRef,
    status: closedStatuses.has(letter.status) ? "closed" : "open",
    letter_status: letter.status,
    service_code: letter.kind,
    agency_responsible: letter.department?.code ?? "MAYOR",
    requested_datetime: letter.createdAt.toISOString(),
    updated_datetime: letter.updatedAt.toISOString(),
    expected_datetime: day(letter.dueOn),
    status_notes: letter.replyText,
    rating: letter.rating,
  };
}

/**
 * Queues the step just taken on a hotline letter for every active endpoint, in the step's own
 * transaction: the delivery exists exactly when the step committed. The letter's next sequence
 * number orders the deliveries (the step's update holds the letter's row, so two steps cannot
 * take the same number).
 */
export async function queueLetterWebhooks(
  tx: Tx,
  input: { letterId: string; step: string; reason?: string | null; at: Date },
): Promise<void> {
  const event = (webhookEvents as Record<string, string>)[input.step];
  if (!event) return;
  const endpoints = await tx.webhookEndpoint.findMany({ where: { active: true }, select: { id: true } });
  if (!endpoints.length) return;
  const letter = await tx.letter.update({
    where: { id: input.letterId },
    data: { webhookSequence: { increment: 1 } },
    include: { department: { select: { code: true } } },
  });
  const payload = {
    event,
    step: input.step,
    sequence: letter.webhookSequence,
    occurred_at: input.at.toISOString(),
    reason: input.reason ?? null,
    service_request: serviceRequestOf(letter),
  };
  for (const endpoint of endpoints) {
    const delivery = await tx.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        letterId: letter.id,
        sequence: letter.webhookSequence,
        event,
        payload,
      },
      select: { id: true },
    });
    await enqueueJob(tx, { kind: webhookJobKind, payload: { deliveryId: delivery.id } });
  }
}

const ZDeliveryJob = z.object({ deliveryId: z.string().min(1).max(40) });
// a delivery being sent is its runner's for this long (a send takes 10 s at most)
const holdMs = 60_000;

/** Sends one delivery and records the outcome; throws when the receiver did not take it. */
async function sendOne(
  prisma: PrismaClient,
  delivery: { id: string; event: string; sequence: number; payload: Prisma.JsonValue },
  endpoint: { url: string; secret: string },
  signal?: AbortSignal,
) {
  const now = new Date();
  const claimed = await prisma.webhookDelivery.updateMany({
    where: { id: delivery.id, deliveredAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + holdMs) },
  });
  // another runner is sending it now: this job tries again later, after it
  if (!claimed.count) throw new Error(`delivery ${delivery.id} is being sent by another runner`);
  const body = JSON.stringify({ id: delivery.id, ...(delivery.payload as object) });
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const status = await postWebhook(
      endpoint.url,
      body,
      {
        [signatureHeader]: signPayload(endpoint.secret, body, timestamp),
        "X-Onestop-Delivery": delivery.id,
        "X-Onestop-Event": delivery.event,
      },
      signal,
    );
    await prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        deliveredAt: new Date(),
        attempts: { increment: 1 },
        lastAttemptAt: now,
        lastStatus: status,
        lastError: null,
        lockedUntil: null,
      },
    });
  } catch (error) {
    await prisma.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: { increment: 1 },
        lastAttemptAt: now,
        lastStatus: error instanceof WebhookSendError ? error.status : null,
        lastError: String((error as Error)?.message ?? error).slice(0, 500),
        lockedUntil: null,
      },
    });
    throw error;
  }
}

/**
 * Sends a delivery, after every earlier one of the same letter to the same endpoint that is still
 * waiting: a receiver sees a letter's steps in order. The first that fails stops the job, which the
 * queue retries with a growing delay (lib/jobs/queue.ts); a delivery already sent is never sent
 * again. An endpoint switched off receives nothing (its deliveries wait, listed in the log).
 */
const deliverWebhook: TJobHandler = async ({ db: prisma, payload, signal }) => {
  const { deliveryId } = ZDeliveryJob.parse(payload);
  const target = await prisma.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { endpoint: true },
  });
  if (!target || target.deliveredAt || !target.endpoint.active) return;
  const waiting = await prisma.webhookDelivery.findMany({
    where: {
      endpointId: target.endpointId,
      letterId: target.letterId,
      deliveredAt: null,
      sequence: { lte: target.sequence },
    },
    orderBy: { sequence: "asc" },
    select: { id: true, event: true, sequence: true, payload: true },
  });
  for (const delivery of waiting) await sendOne(prisma, delivery, target.endpoint, signal);
};

export const webhookJobHandlers: TJobHandlers = { [webhookJobKind]: deliverWebhook };
