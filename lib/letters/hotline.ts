import "server-only";
import { z } from "zod";
import { lineField } from "../shared/plainText";
import { clientOf, type TDbOption } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { handlesMailbox, isStaff } from "../auth/policy";
import { deniedAsNotFound } from "../audit/refusals";
import { writeAudit } from "../audit/writeAudit";
import { FormError, NotFoundError } from "../shared/errors";
import { serviceRequestOf } from "../webhooks/deliveries";
import { mayorMailbox } from "./kinds";
import { ZLetter } from "./submitLetter";
import { contentChanged } from "../cache/contentChanged";
import { fileLetter } from "./newLetter";

/** A caller's number: a mainland mobile, or a landline with its area code (spaces and dashes allowed). */
const phonePattern = /^(?:1[3-9]\d{9}|0\d{2,3}\d{7,8})$/;

/** A work order as the operator's form sends it (the API's JSON is mapped onto it): a letter, with the caller's number. */
export const ZWorkOrder = ZLetter.extend({
  callerPhone: lineField()
    .min(1, "required")
    .max(20, "tooLongMax|20")
    .transform((value) => value.replace(/[\s-]/g, ""))
    .refine((value) => phonePattern.test(value), "callerPhoneInvalid"),
  externalRef: lineField()
    .max(64, "tooLongMax|64")
    .transform((value) => value || undefined)
    .optional(),
});
export type TWorkOrder = z.infer<typeof ZWorkOrder>;

/**
 * Who takes 12345 calls as letters: the city's letters office (a 信件办理员 for the whole city,
 * who also holds the 市长信箱 and dispatches — 派单 — to the departments) and the administrators.
 * A department's own handlers work the letters sent to them; they do not open work orders.
 */
export const takesHotlineCalls = (actor: TSessionUser): boolean =>
  isStaff(actor) && handlesMailbox(actor, null);

/** A number as the audit and the lists show it: the first three and last four digits. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/**
 * Files a letter from a 12345 call (channel 热线电话), for an operator or the hotline system's
 * service token. The caller's number is kept on the letter for its handlers and nowhere else; the
 * audit has it masked. With an idempotencyKey, the same key from the same account returns the
 * letter it made first (`created: false`) instead of a second one.
 */
export async function createWorkOrder(
  input: { actor: TSessionUser; order: TWorkOrder; idempotencyKey?: string } & TDbOption,
): Promise<{ number: string; accessCode: string; status: string; created: boolean }> {
  const prisma = await clientOf(input);
  const { actor, order, idempotencyKey } = input;
  if (!takesHotlineCalls(actor))
    throw await deniedAsNotFound(prisma, {
      actorId: actor.id,
      action: "letter.hotline",
      entityType: "Letter",
    });
  const earlier = () =>
    idempotencyKey
      ? prisma.letter.findUnique({
          where: { createdById_idempotencyKey: { createdById: actor.id, idempotencyKey } },
          select: { number: true, accessCode: true, status: true },
        })
      : null;
  const found = await earlier();
  if (found) return { ...found, created: false };
  let departmentId: string | null = null;
  if (order.mailbox !== mayorMailbox) {
    const department = await prisma.department.findFirst({
      where: { code: order.mailbox, issuerOnly: false },
      select: { id: true },
    });
    if (!department) throw new FormError("choose", "mailbox");
    departmentId = department.id;
  }
  try {
    const filed = await prisma.$transaction(async (tx) => {
      const created = await fileLetter(
        tx,
        {
          kind: order.kind,
          departmentId,
          subject: order.subject,
          content: order.content,
          consentToPublish: order.consentToPublish === "yes",
          channel: "HOTLINE",
          callerPhone: order.callerPhone,
          externalRef: order.externalRef ?? null,
          createdById: actor.id,
          idempotencyKey: idempotencyKey ?? null,
        },
        { actorId: actor.id, eventData: { channel: "HOTLINE" } },
      );
      const number = created.number;
      await writeAudit(tx, {
        actorId: actor.id,
        action: "letter.hotline",
        entityType: "Letter",
        entityId: number,
        detail: {
          kind: order.kind,
          mailbox: order.mailbox,
          callerPhone: maskPhone(order.callerPhone),
          ...(order.externalRef ? { externalRef: order.externalRef } : {}),
        },
      });
      return { number, accessCode: created.accessCode, status: created.status, created: true };
    });
    // the public figures count every letter received
    contentChanged();
    return filed;
  } catch (error) {
    // the same key sent twice at once: the loser answers with the winner's letter
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await earlier();
      if (winner) return { ...winner, created: false };
    }
    throw error;
  }
}

/**
 * A work order as the hotline system reads it back (Open311's GET service request): for the
 * account of a service token, any letter that came by the hotline; anything else is not found
 * (refused ones audited). The same fields as the webhooks, never the caller's number.
 */
export async function hotlineServiceRequest(input: { actor: TSessionUser; number: string } & TDbOption) {
  const prisma = await clientOf(input);
  const letter = await prisma.letter.findUnique({
    where: { number: input.number },
    include: { department: { select: { code: true } } },
  });
  if (!letter || letter.channel !== "HOTLINE" || !takesHotlineCalls(input.actor)) {
    if (letter)
      throw await deniedAsNotFound(prisma, {
        actorId: input.actor.id,
        action: "letter.read",
        entityType: "Letter",
        entityId: input.number,
      });
    throw new NotFoundError("Letter");
  }
  return serviceRequestOf(letter);
}
